using PartitionCompiler.Partitioning.Collections;

namespace PartitionCompiler.Partitioning.Graph;

/// <summary>
/// The values of a small constant tensor (an initializer, a <c>Constant</c> node's value, a <c>ConstantOfShape</c> fill),
/// kept so that shape inference can read shapes, axes, starts and ends. Integer and bool tensors fill
/// <see cref="Integers"/>; floating-point tensors fill <see cref="Reals"/>. Large weights keep no values.
/// </summary>
public sealed record ConstantTensor(ElementType ElementType, EquatableArray<long> Dims, EquatableArray<long> Integers, EquatableArray<double> Reals)
{
    /// <summary>Tensors up to this many elements keep their values.</summary>
    public const int MaxElements = 4096;

    public long ElementCount => Dims.Aggregate(1L, (a, d) => a * d);

    public static ConstantTensor FromIntegers(ElementType type, long[] dims, long[] values) =>
        new(type, dims, values, EquatableArray<double>.Empty);

    public static ConstantTensor FromReals(ElementType type, long[] dims, double[] values) =>
        new(type, dims, EquatableArray<long>.Empty, values);
}
