using PartitionCompiler.Runtime.Tensors;

namespace PartitionCompiler.Runtime.Plans;

/// <summary>A tensor's name, element type and static shape as the plan records them.</summary>
/// <param name="Name">The ONNX tensor name.</param>
/// <param name="ElementType">The element type.</param>
/// <param name="Shape">The dimensions (empty for a scalar).</param>
public sealed record TensorDescriptor(string Name, ElementType ElementType, IReadOnlyList<long> Shape);
