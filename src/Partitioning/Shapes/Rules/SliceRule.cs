using PartitionCompiler.Partitioning.Graph;

namespace PartitionCompiler.Partitioning.Shapes.Rules;

/// <summary>
/// <c>Slice</c>: <c>starts</c>/<c>ends</c>/<c>axes</c> attributes before opset 10, inputs (with <c>steps</c>) from 10.
/// Negative starts and ends count from the end; huge ends (INT64_MAX) clamp to the dim; negative steps walk backwards.
/// Small 1-D values fold.
/// </summary>
internal sealed class SliceRule : IShapeRule
{
    public IReadOnlyList<string> OpTypes { get; } = ["Slice"];

    public void Infer(ShapeContext context)
    {
        var type = context.InputType(0);
        if (type?.Shape is not { } x)
        {
            return;
        }

        bool attributeForm = context.Attribute("starts") is not null;
        long[]? starts = attributeForm ? context.Ints("starts") : context.InputLongs(1);
        long[]? ends = attributeForm ? context.Ints("ends") : context.InputLongs(2);
        long[]? axes = attributeForm ? context.Ints("axes") : context.HasInput(3) ? context.InputLongs(3) : null;
        long[]? steps = attributeForm ? null : context.HasInput(4) ? context.InputLongs(4) : null;
        bool axesUnknown = !attributeForm && context.HasInput(3) && axes is null;
        bool stepsUnknown = !attributeForm && context.HasInput(4) && steps is null;
        if (starts is null || ends is null || axesUnknown || stepsUnknown)
        {
            context.SetOutput(0, type.ElementType, DimMath.Unknown(x.Rank));
            context.MarkDataDependent();
            return;
        }

        axes ??= Enumerable.Range(0, starts.Length).Select(i => (long)i).ToArray();
        steps ??= Enumerable.Repeat(1L, starts.Length).ToArray();
        if (ends.Length != starts.Length || axes.Length != starts.Length || steps.Length != starts.Length)
        {
            context.Invalid("starts/ends/axes/steps", $"have different lengths ({starts.Length}, {ends.Length}, {axes.Length}, {steps.Length})");
            return;
        }

        var output = x.Dims.ToArray();
        var ranges = new (long Start, long Step, long Count)?[x.Rank];
        for (int i = 0; i < starts.Length; i++)
        {
            if (!DimMath.TryNormalizeAxis(axes[i], x.Rank, out int axis))
            {
                context.Invalid("axes", $"holds {axes[i]}, outside [-{x.Rank}, {x.Rank - 1}] for input {x}");
                return;
            }

            if (steps[i] == 0)
            {
                context.Invalid("steps", "holds 0; steps must be non-zero");
                return;
            }

            if (x[axis].Value is not long dim)
            {
                output[axis] = Dim.Symbolic();
                continue;
            }

            var range = Range(starts[i], ends[i], steps[i], dim);
            ranges[axis] = range;
            output[axis] = range.Count;
        }

        context.SetOutput(0, type.ElementType, DimMath.Shape(output), Fold(context.InputValue(0), ranges));
    }

    /// <summary>The first index, step and element count of a slice of a dim of length <paramref name="dim"/>.</summary>
    internal static (long Start, long Step, long Count) Range(long start, long end, long step, long dim)
    {
        if (start < 0)
        {
            start += dim;
        }

        if (end < 0)
        {
            end += dim;
        }

        long count;
        if (step > 0)
        {
            start = Math.Clamp(start, 0, dim);
            end = Math.Clamp(end, 0, dim);
            count = end > start ? DimMath.CeilDiv(end - start, step) : 0;
        }
        else
        {
            start = Math.Clamp(start, 0, dim - 1);
            end = Math.Clamp(end, -1, dim - 1);
            count = start > end ? DimMath.CeilDiv(start - end, -step) : 0;
        }

        return (start, step, count);
    }

    private static ConstantValue? Fold(ConstantValue? value, (long Start, long Step, long Count)?[] ranges)
    {
        if (value is null || value.Rank != 1)
        {
            return null;
        }

        var range = ranges[0] ?? (0, 1, value.Shape[0]);
        var indices = new int[range.Count];
        for (int i = 0; i < indices.Length; i++)
        {
            indices[i] = (int)(range.Start + (i * range.Step));
        }

        return value.Select([range.Count], indices);
    }
}
