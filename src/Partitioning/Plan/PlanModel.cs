namespace PartitionCompiler.Partitioning.Plan;

/// <summary>The partitioned model: its path relative to the plan file (with <c>/</c>), sha256 and positioned node count.</summary>
public sealed record PlanModel(string Path, string Sha256, int Nodes);
