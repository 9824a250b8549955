using PartitionCompiler.Partitioning.Graph;

namespace PartitionCompiler.Partitioning.Shapes.Rules;

/// <summary>
/// <c>Gather</c> (data[:axis] + indices + data[axis+1:]; gathers from small 1-D values fold, so that
/// <c>Shape -> Gather</c> picks dims), <c>GatherElements</c> (the indices' shape) and <c>GatherND</c>.
/// </summary>
internal sealed class GatherRule : IShapeRule
{
    public IReadOnlyList<string> OpTypes { get; } = ["Gather", "GatherElements", "GatherND"];

    public void Infer(ShapeContext context)
    {
        var type = context.InputType(0);
        var indices = context.InputShape(1);
        if (type?.Shape is not { } data || indices is null)
        {
            return;
        }

        switch (context.Node.OpType)
        {
            case "GatherElements":
                if (indices.Rank != data.Rank)
                {
                    context.Mismatch($"data {data} and indices {indices} must have the same rank");
                    return;
                }

                context.SetOutput(0, type.ElementType, indices);
                return;
            case "GatherND":
                InferGatherNd(context, type.ElementType, data, indices);
                return;
        }

        long axisAttribute = context.Int("axis", 0);
        if (!DimMath.TryNormalizeAxis(axisAttribute, data.Rank, out int axis))
        {
            context.Invalid("axis", $"is {axisAttribute}, outside [-{data.Rank}, {data.Rank - 1}] for data {data}");
            return;
        }

        var output = data.Dims.Take(axis).Concat(indices.Dims).Concat(data.Dims.Skip(axis + 1));
        var shape = DimMath.Shape(output);
        context.SetOutput(0, type.ElementType, shape, Fold(context, data, shape));
    }

    private static ConstantValue? Fold(ShapeContext context, TensorShape data, TensorShape shape)
    {
        var value = context.InputValue(0);
        var positions = context.InputLongs(1);
        if (value is null || positions is null || data.Rank != 1 || !shape.IsFullyKnown)
        {
            return null;
        }

        var picked = new int[positions.Length];
        for (int i = 0; i < positions.Length; i++)
        {
            long p = positions[i] < 0 ? positions[i] + value.Count : positions[i];
            if (p < 0 || p >= value.Count)
            {
                context.Invalid("indices", $"hold {positions[i]}, outside the {value.Count} elements of the data");
                return null;
            }

            picked[i] = (int)p;
        }

        return value.Select(shape.ToArray(), picked);
    }

    private static void InferGatherNd(ShapeContext context, ElementType elementType, TensorShape data, TensorShape indices)
    {
        int batch = (int)context.Int("batch_dims", 0);
        if (indices.Rank < 1 || indices[indices.Rank - 1].Value is not long last)
        {
            context.MarkDataDependent();
            return;
        }

        if (batch < 0 || batch + last > data.Rank || batch >= indices.Rank)
        {
            context.Mismatch($"indices {indices} with batch_dims {batch} do not fit data {data}");
            return;
        }

        var output = indices.Dims.Take(indices.Rank - 1).Concat(data.Dims.Skip(batch + (int)last));
        context.SetOutput(0, elementType, DimMath.Shape(output));
    }
}
