using PartitionCompiler.Partitioning.Graph;

namespace PartitionCompiler.Partitioning.Shapes.Rules;

/// <summary>
/// <c>Split</c> along <c>axis</c>: sizes from the <c>split</c> attribute (before opset 13) or the second input (from 13);
/// else <c>num_outputs</c> (opset 18: ceil-sized parts, the last one smaller) or equal parts, one per output.
/// </summary>
internal sealed class SplitRule : IShapeRule
{
    public IReadOnlyList<string> OpTypes { get; } = ["Split"];

    public void Infer(ShapeContext context)
    {
        var type = context.InputType(0);
        if (type?.Shape is not { } x)
        {
            return;
        }

        long axisAttribute = context.Int("axis", 0);
        if (!DimMath.TryNormalizeAxis(axisAttribute, x.Rank, out int axis))
        {
            context.Invalid("axis", $"is {axisAttribute}, outside [-{x.Rank}, {x.Rank - 1}] for input {x}");
            return;
        }

        int outputs = context.OutputCount;
        Dim[]? sizes = SplitSizes(context, x[axis], outputs);
        if (sizes is null)
        {
            if (!context.Failed)
            {
                for (int i = 0; i < outputs; i++)
                {
                    context.SetOutput(i, type.ElementType, DimMath.Shape(x.Dims.Select((d, j) => j == axis ? Dim.Symbolic() : d)));
                }

                context.MarkDataDependent();
            }

            return;
        }

        if (x[axis].Value is long total && sizes.All(s => s.IsKnown) && sizes.Sum(s => s.Value!.Value) != total)
        {
            context.Mismatch($"split sizes [{string.Join(",", sizes)}] add up to {sizes.Sum(s => s.Value!.Value)}, but dim {axis} of {x} is {total}");
            return;
        }

        for (int i = 0; i < outputs; i++)
        {
            var shape = DimMath.Shape(x.Dims.Select((d, j) => j == axis ? sizes[i] : d));
            context.SetOutput(i, type.ElementType, shape);
        }
    }

    private static Dim[]? SplitSizes(ShapeContext context, Dim dim, int outputs)
    {
        long[]? explicitSizes = context.Ints("split") ?? (context.HasInput(1) ? context.InputLongs(1) : null);
        if (explicitSizes is null && context.HasInput(1))
        {
            return null;
        }

        if (explicitSizes is not null)
        {
            if (explicitSizes.Length != outputs || explicitSizes.Any(s => s < 0))
            {
                context.Invalid("split", $"is [{string.Join(",", explicitSizes)}]; expected {outputs} non-negative sizes, one per output");
                return null;
            }

            return explicitSizes.Select(s => (Dim)s).ToArray();
        }

        if (dim.Value is not long length)
        {
            return Enumerable.Repeat(Dim.Symbolic(), outputs).ToArray();
        }

        if (context.Attribute("num_outputs") is { } numOutputs)
        {
            if (numOutputs.Int != outputs || outputs < 1)
            {
                context.Invalid("num_outputs", $"is {numOutputs.Int}, but the node has {outputs} outputs");
                return null;
            }

            long part = DimMath.CeilDiv(length, outputs);
            return Enumerable.Range(0, outputs).Select(i => (Dim)Math.Max(0, Math.Min(part, length - (i * part)))).ToArray();
        }

        if (length % outputs != 0)
        {
            context.Mismatch($"dim of length {length} cannot be split into {outputs} equal parts; give 'split' sizes");
            return null;
        }

        return Enumerable.Repeat((Dim)(length / outputs), outputs).ToArray();
    }
}
