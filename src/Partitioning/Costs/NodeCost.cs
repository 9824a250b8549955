using PartitionCompiler.Partitioning.Collections;

namespace PartitionCompiler.Partitioning.Costs;

/// <summary>
/// The static cost of one node (DESIGN.md section 3).
/// </summary>
/// <param name="NodeIndex">The node's index in the file.</param>
/// <param name="Flops">Floating-point operations (1 multiply-add = 2 FLOPs); 0 for data movement and weight producers.</param>
/// <param name="ParameterBytes">Bytes of the weights (initializers and weight-producer outputs) the node reads.</param>
/// <param name="OutputBytes">Bytes of each output, in output order; null where the shape is not fully known.</param>
public sealed record NodeCost(int NodeIndex, double Flops, long ParameterBytes, EquatableArray<long?> OutputBytes);
