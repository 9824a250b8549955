using PartitionCompiler.Partitioning.Collections;

namespace PartitionCompiler.Partitioning.Costs;

/// <summary>
/// The cut after position <see cref="After"/> of the topological order (-1: before the first node): the tensors produced
/// at or before it (graph inputs included) and consumed after it, with their total bytes (DESIGN.md section 3).
/// </summary>
/// <param name="Tensors">The crossing tensors, in the order they became available (then by name).</param>
/// <param name="PeakLiveBefore">Peak live activation bytes while running positions 0..After.</param>
/// <param name="PeakLiveAfter">Peak live activation bytes while running positions After+1..n-1.</param>
public sealed record CutInfo(int After, EquatableArray<string> Tensors, long Bytes, long PeakLiveBefore, long PeakLiveAfter);
