using PartitionCompiler.Partitioning.Collections;

namespace PartitionCompiler.Partitioning.Solver;

/// <summary>
/// What crosses one cut: the tensors produced at or before it (graph inputs included) and consumed after it, graph
/// outputs counting as consumed at the virtual position n, and their total bytes.
/// </summary>
public sealed record ProblemCut(long Bytes, EquatableArray<string> Tensors);
