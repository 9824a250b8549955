using PartitionCompiler.Partitioning.Collections;

namespace PartitionCompiler.Partitioning.Plan;

/// <summary>A tensor that can cross a stage boundary (a graph input or a node output) with its type, shape and size.</summary>
/// <param name="Type">Element type in numpy spelling.</param>
public sealed record PlanGraphTensor(string Name, string Type, EquatableArray<long> Shape, long Bytes);
