using PartitionCompiler.Partitioning.Graph;

namespace PartitionCompiler.Partitioning.Shapes;

/// <summary>
/// The values of a small tensor known before running the model (an initializer, a <c>Constant</c>, or a folded
/// <c>Shape</c>/<c>Gather</c>/<c>Concat</c>... chain). Integer and bool tensors hold <see cref="Integers"/> as
/// <see cref="Dim"/>s so that a symbolic batch size can flow through shape arithmetic; floating-point tensors hold
/// <see cref="Reals"/>. Values are kept only up to <see cref="ConstantTensor.MaxElements"/> elements.
/// </summary>
internal sealed class ConstantValue
{
    public ConstantValue(ElementType elementType, long[] shape, Dim[]? integers, double[]? reals)
    {
        ElementType = elementType;
        Shape = shape;
        Integers = integers;
        Reals = integers is null ? reals ?? [] : null;
    }

    public ElementType ElementType { get; }

    public long[] Shape { get; }

    public Dim[]? Integers { get; }

    public double[]? Reals { get; }

    public int Count => Integers?.Length ?? Reals!.Length;

    public int Rank => Shape.Length;

    public TensorType Type => new(ElementType, TensorShape.Of(Shape));

    public static bool IsSmall(long elementCount) => elementCount >= 0 && elementCount <= ConstantTensor.MaxElements;

    public static ConstantValue OfIntegers(ElementType type, long[] shape, Dim[] values) => new(type, shape, values, null);

    public static ConstantValue OfReals(ElementType type, long[] shape, double[] values) => new(type, shape, null, values);

    /// <summary>A 1-D int64 tensor of dims (what <c>Shape</c> produces).</summary>
    public static ConstantValue OfDims(IReadOnlyList<Dim> dims) => OfIntegers(ElementType.Int64, [dims.Count], [.. dims]);

    /// <summary>The values of a constant tensor, or null when it kept none (a large weight).</summary>
    public static ConstantValue? FromTensor(ConstantTensor tensor)
    {
        long[] dims = [.. tensor.Dims];
        long count = tensor.ElementCount;
        if (!IsSmall(count))
        {
            return null;
        }

        if (tensor.Integers.Count == count && (count > 0 || !tensor.ElementType.IsFloatingPoint()))
        {
            return OfIntegers(tensor.ElementType, dims, tensor.Integers.Select(v => new Dim(v)).ToArray());
        }

        if (tensor.Reals.Count == count)
        {
            return OfReals(tensor.ElementType, dims, [.. tensor.Reals]);
        }

        return null;
    }

    /// <summary>The value at <paramref name="index"/> as an integer dim (reals are truncated), symbolic when unknown.</summary>
    public Dim IntegerAt(int index) =>
        Integers is not null ? Integers[index] : new Dim((long)Reals![index]);

    /// <summary>The value at <paramref name="index"/> as a real, or null when symbolic.</summary>
    public double? RealAt(int index) =>
        Integers is not null ? Integers[index].Value : Reals![index];

    /// <summary>Every value as a number, or false when one is symbolic.</summary>
    public bool TryGetLongs(out long[] values)
    {
        values = new long[Count];
        for (int i = 0; i < values.Length; i++)
        {
            if (IntegerAt(i).Value is not long v)
            {
                return false;
            }

            values[i] = v;
        }

        return true;
    }

    /// <summary>Every value as a real, or false when one is symbolic.</summary>
    public bool TryGetReals(out double[] values)
    {
        values = new double[Count];
        for (int i = 0; i < values.Length; i++)
        {
            if (RealAt(i) is not double v)
            {
                return false;
            }

            values[i] = v;
        }

        return true;
    }

    /// <summary>The same elements under another shape (Reshape, Squeeze, Unsqueeze, Flatten, Identity).</summary>
    public ConstantValue WithShape(long[] shape) => new(ElementType, shape, Integers, Reals);

    /// <summary>The elements at the given flat indices, under a new shape.</summary>
    public ConstantValue Select(long[] shape, IReadOnlyList<int> indices)
    {
        if (Integers is not null)
        {
            var ints = new Dim[indices.Count];
            for (int i = 0; i < ints.Length; i++)
            {
                ints[i] = Integers[indices[i]];
            }

            return OfIntegers(ElementType, shape, ints);
        }

        var reals = new double[indices.Count];
        for (int i = 0; i < reals.Length; i++)
        {
            reals[i] = Reals![indices[i]];
        }

        return OfReals(ElementType, shape, reals);
    }

    /// <summary>Converts to another element type (Cast), or null when a symbolic integer would become a real.</summary>
    public ConstantValue? CastTo(ElementType target)
    {
        bool targetIsReal = target.IsFloatingPoint();
        if (!targetIsReal && !target.IsInteger() && target != ElementType.Bool)
        {
            return null;
        }

        if (target == ElementType.Bool)
        {
            var bools = new Dim[Count];
            for (int i = 0; i < bools.Length; i++)
            {
                if (RealAt(i) is not double v)
                {
                    return null;
                }

                bools[i] = v != 0 ? 1 : 0;
            }

            return OfIntegers(target, Shape, bools);
        }

        if (targetIsReal)
        {
            return TryGetReals(out var reals) ? OfReals(target, Shape, reals) : null;
        }

        var ints = new Dim[Count];
        for (int i = 0; i < ints.Length; i++)
        {
            ints[i] = Integers is not null ? Integers[i] : new Dim(TruncateToLong(Reals![i]));
        }

        return OfIntegers(target, Shape, ints);
    }

    private static long TruncateToLong(double value) =>
        double.IsNaN(value) ? 0 : value >= long.MaxValue ? long.MaxValue : value <= long.MinValue ? long.MinValue : (long)value;
}
