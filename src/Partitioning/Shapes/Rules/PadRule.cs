using PartitionCompiler.Partitioning.Graph;

namespace PartitionCompiler.Partitioning.Shapes.Rules;

/// <summary>
/// <c>Pad</c>: <c>pads</c> (or <c>paddings</c> in opset 1) as attribute before opset 11, as input from 11 (with optional
/// <c>axes</c> from 18); all begins, then all ends; negative pads crop. The mode (constant, reflect, edge, wrap) does not
/// change the shape.
/// </summary>
internal sealed class PadRule : IShapeRule
{
    public IReadOnlyList<string> OpTypes { get; } = ["Pad"];

    public void Infer(ShapeContext context)
    {
        var type = context.InputType(0);
        if (type?.Shape is not { } x)
        {
            return;
        }

        long[]? pads = context.Ints("pads") ?? context.Ints("paddings") ?? context.InputLongs(1);
        if (pads is null)
        {
            context.SetOutput(0, type.ElementType, DimMath.Unknown(x.Rank));
            context.MarkDataDependent();
            return;
        }

        long[]? axes = context.HasInput(3) ? context.InputLongs(3) : Enumerable.Range(0, x.Rank).Select(i => (long)i).ToArray();
        if (axes is null)
        {
            context.SetOutput(0, type.ElementType, DimMath.Unknown(x.Rank));
            context.MarkDataDependent();
            return;
        }

        if (pads.Length != 2 * axes.Length)
        {
            context.Invalid("pads", $"has {pads.Length} values; expected {2 * axes.Length} for input {x}");
            return;
        }

        var output = x.Dims.ToArray();
        for (int i = 0; i < axes.Length; i++)
        {
            if (!DimMath.TryNormalizeAxis(axes[i], x.Rank, out int axis))
            {
                context.Invalid("axes", $"holds {axes[i]}, outside [-{x.Rank}, {x.Rank - 1}]");
                return;
            }

            if (x[axis].Value is not long dim)
            {
                output[axis] = Dim.Symbolic();
                continue;
            }

            long size = dim + pads[i] + pads[i + axes.Length];
            if (size < 0)
            {
                context.Mismatch($"pads [{string.Join(",", pads)}] crop dim {axis} of {x} below zero");
                return;
            }

            output[axis] = size;
        }

        context.SetOutput(0, type.ElementType, DimMath.Shape(output));
    }
}
