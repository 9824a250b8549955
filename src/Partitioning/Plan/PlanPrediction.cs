namespace PartitionCompiler.Partitioning.Plan;

/// <summary>
/// Predicted response time (the sum of the chosen plan's stage and transfer times), energy, and the minimised
/// objective value (seconds for latency, joules for energy, the weighted sum otherwise) of the plan.
/// </summary>
public sealed record PlanPrediction(double LatencyMs, double EnergyJ, double Objective);
