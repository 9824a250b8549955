using PartitionCompiler.Runtime.Tensors;

namespace PartitionCompiler.Runtime.Plans;

/// <summary>One output of a stage and where it goes (the plan's <c>to</c>).</summary>
/// <param name="Name">The ONNX tensor name.</param>
/// <param name="ElementType">The element type.</param>
/// <param name="Shape">The dimensions.</param>
/// <param name="ToStages">The indices of the stages that consume it (may be empty).</param>
/// <param name="ToOutput">Whether it is a graph output (<c>"output"</c> in the plan's <c>to</c>).</param>
public sealed record StageOutputDescriptor(
    string Name, ElementType ElementType, IReadOnlyList<long> Shape, IReadOnlyList<int> ToStages, bool ToOutput);
