namespace PartitionCompiler.Partitioning.Plan;

/// <summary>
/// A runner-up plan (ranks 2..K).
/// </summary>
/// <param name="Objective">The minimised value: seconds for latency, joules for energy, the weighted sum otherwise.</param>
/// <param name="Assignment">Devices and position ranges: <c>glasses:0-17 | phone:18-244</c>.</param>
public sealed record PlanAlternative(int Rank, double LatencyMs, double EnergyJ, double Objective, string Assignment);
