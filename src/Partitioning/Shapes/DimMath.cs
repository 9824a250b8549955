using PartitionCompiler.Partitioning.Collections;
using PartitionCompiler.Partitioning.Graph;

namespace PartitionCompiler.Partitioning.Shapes;

/// <summary>Arithmetic on dims and shapes shared by the shape rules.</summary>
internal static class DimMath
{
    public static TensorShape Shape(IEnumerable<Dim> dims) => new(dims.ToEquatableArray());

    public static TensorShape Shape(params Dim[] dims) => new(EquatableArray.Create(dims));

    /// <summary>A shape of <paramref name="rank"/> unknown dims.</summary>
    public static TensorShape Unknown(int rank) => Shape(Enumerable.Repeat(Dim.Symbolic(), rank));

    /// <summary>The product of dims; symbolic when any is symbolic (keeps the symbol when it is the only factor besides ones).</summary>
    public static Dim Product(IEnumerable<Dim> dims)
    {
        long product = 1;
        Dim? symbolic = null;
        int symbolicCount = 0;
        foreach (var dim in dims)
        {
            if (dim.Value is long value)
            {
                product = checked(product * value);
            }
            else
            {
                symbolic = dim;
                symbolicCount++;
            }
        }

        if (symbolicCount == 0)
        {
            return product;
        }

        return symbolicCount == 1 && product == 1 ? symbolic!.Value : product == 0 ? 0 : Dim.Symbolic();
    }

    public static Dim Add(Dim a, Dim b) =>
        a.Value is long x && b.Value is long y ? checked(x + y)
        : a.Value == 0 ? b : b.Value == 0 ? a : Dim.Symbolic();

    public static Dim Multiply(Dim a, Dim b) =>
        a.Value is long x && b.Value is long y ? checked(x * y)
        : a.Value == 1 ? b : b.Value == 1 ? a : a.Value == 0 || b.Value == 0 ? 0 : Dim.Symbolic();

    /// <summary>Two dims that are the same size for sure: equal values, or the same non-empty symbol.</summary>
    public static bool SameSize(Dim a, Dim b) =>
        a.Value is long x ? b.Value == x : b.Value is null && a.Symbol is not null && a.Symbol == b.Symbol;

    /// <summary>False only when both dims are known and differ.</summary>
    public static bool Compatible(Dim a, Dim b) => a.Value is not long x || b.Value is not long y || x == y;

    /// <summary>Of two compatible dims, the more informative one.</summary>
    public static Dim Merge(Dim a, Dim b) => a.IsKnown ? a : b.IsKnown ? b : a.Symbol is not null ? a : b;

    /// <summary>
    /// Multidirectional (numpy) broadcasting of several shapes. Returns null and sets <paramref name="error"/> when two
    /// known dims differ and neither is 1.
    /// </summary>
    public static TensorShape? Broadcast(IReadOnlyList<TensorShape> shapes, out string? error)
    {
        error = null;
        int rank = shapes.Count == 0 ? 0 : shapes.Max(s => s.Rank);
        var result = new Dim[rank];
        for (int axis = 0; axis < rank; axis++)
        {
            long? known = null;
            Dim? symbolic = null;
            bool mixedSymbols = false;
            foreach (var shape in shapes)
            {
                int offset = axis - (rank - shape.Rank);
                if (offset < 0)
                {
                    continue;
                }

                var dim = shape[offset];
                if (dim.Value is long value)
                {
                    if (value == 1)
                    {
                        continue;
                    }

                    if (known is long k && k != value)
                    {
                        error = $"shapes {string.Join(" and ", shapes)} cannot be broadcast (dim {axis} of the result: {k} vs {value})";
                        return null;
                    }

                    known = value;
                }
                else if (symbolic is null)
                {
                    symbolic = dim;
                }
                else if (symbolic.Value.Symbol is null || symbolic.Value.Symbol != dim.Symbol)
                {
                    mixedSymbols = true;
                }
            }

            result[axis] = known is long size ? size
                : symbolic is null ? 1
                : mixedSymbols ? Dim.Symbolic()
                : symbolic.Value;
        }

        return Shape(result);
    }

    /// <summary>Normalises an axis in [-rank, rank-1] to [0, rank-1]; false when out of range.</summary>
    public static bool TryNormalizeAxis(long axis, int rank, out int normalized)
    {
        normalized = (int)(axis < 0 ? axis + rank : axis);
        return axis >= -rank && axis < rank;
    }

    /// <summary>
    /// The output length of a sliding window (convolution, pooling) with explicit pads.
    /// With <paramref name="ceilMode"/>, a last window that would start inside the end padding is dropped.
    /// </summary>
    public static long WindowOutput(long input, long kernel, long stride, long dilation, long padBegin, long padEnd, bool ceilMode)
    {
        long span = input + padBegin + padEnd - (dilation * (kernel - 1)) - 1;
        if (span < 0)
        {
            return 0;
        }

        long output = (ceilMode ? CeilDiv(span, stride) : span / stride) + 1;
        if (ceilMode && (output - 1) * stride >= input + padBegin)
        {
            output--;
        }

        return output;
    }

    /// <summary>The number of elements, or null when a dim is symbolic or the count does not fit in 64 bits.</summary>
    public static long? ElementCount(TensorShape shape)
    {
        long count = 1;
        foreach (var dim in shape.Dims)
        {
            if (dim.Value is not long value || value < 0)
            {
                return null;
            }

            long high = Math.BigMul(count, value, out long low);
            if (high != 0 || low < 0)
            {
                return null;
            }

            count = low;
        }

        return count;
    }

    /// <summary>Bytes of a tensor, or null when its size is unknown or does not fit in 64 bits.</summary>
    public static long? Bytes(TensorType type)
    {
        int bits = type.ElementType.BitsPerElement();
        if (bits == 0 || type.Shape is null || ElementCount(type.Shape) is not long count || count > (long.MaxValue - 7) / bits)
        {
            return null;
        }

        return ((count * bits) + 7) / 8;
    }

    /// <summary>ceil(a / b) for b &gt; 0.</summary>
    public static long CeilDiv(long a, long b) => a >= 0 ? (a + b - 1) / b : -(-a / b);
}
