using PartitionCompiler.Partitioning.Graph;

namespace PartitionCompiler.Partitioning.Shapes.Rules;

/// <summary>
/// <c>Squeeze</c> and <c>Unsqueeze</c> with <c>axes</c> as attribute (before opset 13) or input (from 13). Squeeze without
/// axes removes every dim of size 1. Unsqueeze's axes index the output. Values fold.
/// </summary>
internal sealed class SqueezeRule : IShapeRule
{
    public IReadOnlyList<string> OpTypes { get; } = ["Squeeze", "Unsqueeze"];

    public void Infer(ShapeContext context)
    {
        var type = context.InputType(0);
        if (type?.Shape is not { } x)
        {
            return;
        }

        long[]? axes = context.Ints("axes") ?? (context.HasInput(1) ? context.InputLongs(1) : null);
        if (axes is null && context.HasInput(1))
        {
            context.MarkDataDependent();
            return;
        }

        bool squeeze = context.Node.OpType == "Squeeze";
        if (!squeeze && axes is null)
        {
            context.Invalid("axes", "is missing; Unsqueeze requires it");
            return;
        }

        var output = squeeze ? Squeeze(context, x, axes) : Unsqueeze(context, x, axes!);
        if (output is null)
        {
            return;
        }

        var shape = DimMath.Shape(output);
        var value = context.InputValue(0);
        context.SetOutput(0, type.ElementType, shape, value is not null && shape.IsFullyKnown ? value.WithShape(shape.ToArray()) : null);
    }

    private static List<Dim>? Squeeze(ShapeContext context, TensorShape x, long[]? axes)
    {
        if (axes is null)
        {
            if (x.Dims.Any(d => !d.IsKnown))
            {
                context.MarkDataDependent();
            }

            return x.Dims.Where(d => d.Value != 1).ToList();
        }

        var remove = new HashSet<int>();
        foreach (long a in axes)
        {
            if (!DimMath.TryNormalizeAxis(a, x.Rank, out int axis))
            {
                context.Invalid("axes", $"holds {a}, outside [-{x.Rank}, {x.Rank - 1}] for input {x}");
                return null;
            }

            if (x[axis].Value is long size && size != 1)
            {
                context.Mismatch($"cannot squeeze dim {axis} of {x}: its size is {size}, not 1");
                return null;
            }

            remove.Add(axis);
        }

        return x.Dims.Where((_, i) => !remove.Contains(i)).ToList();
    }

    private static List<Dim>? Unsqueeze(ShapeContext context, TensorShape x, long[] axes)
    {
        int rank = x.Rank + axes.Length;
        var insert = new HashSet<int>();
        foreach (long a in axes)
        {
            if (!DimMath.TryNormalizeAxis(a, rank, out int axis) || !insert.Add(axis))
            {
                context.Invalid("axes", $"[{string.Join(",", axes)}] is not a set of distinct axes in [-{rank}, {rank - 1}]");
                return null;
            }
        }

        var output = new List<Dim>(rank);
        int next = 0;
        for (int i = 0; i < rank; i++)
        {
            output.Add(insert.Contains(i) ? 1 : x[next++]);
        }

        return output;
    }
}
