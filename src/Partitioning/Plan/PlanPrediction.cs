namespace PartitionCompiler.Partitioning.Plan;

/// <summary>Predicted response time (the chosen path's stage and transfer times) and energy of the plan.</summary>
public sealed record PlanPrediction(double LatencyMs, double EnergyJ);
