namespace PartitionCompiler.Partitioning.Shapes.Rules;

/// <summary>Index arithmetic for broadcasting small folded values: which element of each input feeds each output element.</summary>
internal sealed class ValueBroadcast
{
    private readonly long[][] _strides;

    private ValueBroadcast(long[] shape, long[][] strides)
    {
        Shape = shape;
        _strides = strides;
        Count = (int)shape.Aggregate(1L, (a, d) => a * d);
    }

    public long[] Shape { get; }

    public int Count { get; }

    /// <summary>Plans the broadcast of known shapes; false when they do not broadcast or the result is not small.</summary>
    public static bool TryCreate(long[][] shapes, out ValueBroadcast plan)
    {
        plan = null!;
        int rank = shapes.Max(s => s.Length);
        var shape = new long[rank];
        for (int axis = 0; axis < rank; axis++)
        {
            long size = 1;
            foreach (var s in shapes)
            {
                int offset = axis - (rank - s.Length);
                if (offset < 0 || s[offset] == 1)
                {
                    continue;
                }

                if (size != 1 && size != s[offset])
                {
                    return false;
                }

                size = s[offset];
            }

            shape[axis] = size;
        }

        if (!ConstantValue.IsSmall(shape.Aggregate(1L, (a, d) => a * d)))
        {
            return false;
        }

        var strides = new long[shapes.Length][];
        for (int j = 0; j < shapes.Length; j++)
        {
            strides[j] = new long[rank];
            long stride = 1;
            for (int axis = rank - 1; axis >= 0; axis--)
            {
                int offset = axis - (rank - shapes[j].Length);
                long dim = offset < 0 ? 1 : shapes[j][offset];
                strides[j][axis] = dim == 1 ? 0 : stride;
                stride *= dim;
            }
        }

        plan = new ValueBroadcast(shape, strides);
        return true;
    }

    /// <summary>The flat index into input <paramref name="input"/> for output element <paramref name="outputIndex"/>.</summary>
    public int SourceIndex(int input, int outputIndex)
    {
        long remaining = outputIndex;
        long source = 0;
        for (int axis = Shape.Length - 1; axis >= 0; axis--)
        {
            long coordinate = remaining % Shape[axis];
            remaining /= Shape[axis];
            source += coordinate * _strides[input][axis];
        }

        return (int)source;
    }
}
