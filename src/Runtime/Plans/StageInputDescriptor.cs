using PartitionCompiler.Runtime.Tensors;

namespace PartitionCompiler.Runtime.Plans;

/// <summary>One input of a stage and where it comes from (the plan's <c>from</c>).</summary>
/// <param name="Name">The ONNX tensor name.</param>
/// <param name="ElementType">The element type.</param>
/// <param name="Shape">The dimensions.</param>
/// <param name="FromStage">The producing stage's index, or <see langword="null"/> for a graph input
/// (<c>"from": "input"</c>).</param>
public sealed record StageInputDescriptor(string Name, ElementType ElementType, IReadOnlyList<long> Shape, int? FromStage)
{
    /// <summary>Whether this input is a graph input.</summary>
    public bool IsGraphInput => FromStage is null;
}
