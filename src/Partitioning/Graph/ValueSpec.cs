namespace PartitionCompiler.Partitioning.Graph;

/// <summary>A named value of the graph (input, output or value_info); <see cref="Type"/> is null for non-tensor types.</summary>
public sealed record ValueSpec(string Name, TensorType? Type);
