using PartitionCompiler.Partitioning.Graph;

namespace PartitionCompiler.Partitioning.Shapes.Rules;

/// <summary>
/// <c>Resize</c> (opset 10: X, scales; from 11: X, roi, scales, sizes; from 18: <c>axes</c> and
/// <c>keep_aspect_ratio_policy</c>) and <c>Upsample</c> (scales attribute before opset 9, input from 9).
/// Output dim = sizes, or floor(input · scale). Unknown scales or sizes make the output data-dependent.
/// </summary>
internal sealed class ResizeRule : IShapeRule
{
    public IReadOnlyList<string> OpTypes { get; } = ["Resize", "Upsample"];

    public void Infer(ShapeContext context)
    {
        var type = context.InputType(0);
        if (type?.Shape is not { } x)
        {
            return;
        }

        bool secondIsScales = context.Node.OpType == "Upsample" || context.Opset == 10 || (context.Opset == 0 && context.InputCount == 2);
        int scalesInput = secondIsScales ? 1 : 2;
        int sizesInput = context.Node.OpType == "Upsample" ? -1 : 3;
        double[]? scales = context.Floats("scales");
        long[]? sizes = null;
        if (scales is null)
        {
            var scalesValue = context.InputValue(scalesInput);
            var sizesValue = sizesInput > 0 ? context.InputValue(sizesInput) : null;
            bool scalesGiven = context.HasInput(scalesInput) && (scalesValue is null || scalesValue.Count > 0);
            bool sizesGiven = sizesInput > 0 && context.HasInput(sizesInput) && (sizesValue is null || sizesValue.Count > 0);
            if ((sizesGiven && sizesValue is null) || (!sizesGiven && scalesGiven && scalesValue is null))
            {
                context.SetOutput(0, type.ElementType, DimMath.Unknown(x.Rank));
                context.MarkDataDependent();
                return;
            }

            if (sizesGiven && sizesValue!.TryGetLongs(out var s))
            {
                sizes = s;
            }
            else if (scalesGiven && scalesValue!.TryGetReals(out var r))
            {
                scales = r;
            }
            else
            {
                context.Invalid("scales/sizes", "are both missing; give one of them");
                return;
            }
        }

        long[] axes = context.Ints("axes")?.Select(a => a < 0 ? a + x.Rank : a).ToArray()
            ?? Enumerable.Range(0, x.Rank).Select(i => (long)i).ToArray();
        int count = sizes?.Length ?? scales!.Length;
        if (count != axes.Length || axes.Any(a => a < 0 || a >= x.Rank))
        {
            context.Invalid(sizes is null ? "scales" : "sizes", $"has {count} values for input {x} (axes [{string.Join(",", axes)}])");
            return;
        }

        var output = x.Dims.ToArray();
        if (sizes is not null)
        {
            ApplySizes(context, x, axes, sizes, output);
        }
        else
        {
            for (int i = 0; i < axes.Length; i++)
            {
                int axis = (int)axes[i];
                output[axis] = x[axis].Value is long v ? (long)Math.Floor(v * scales![i]) : Dim.Symbolic();
            }
        }

        context.SetOutput(0, type.ElementType, DimMath.Shape(output));
    }

    private static void ApplySizes(ShapeContext context, TensorShape x, long[] axes, long[] sizes, Dim[] output)
    {
        string policy = context.String("keep_aspect_ratio_policy", "stretch");
        if (policy == "stretch")
        {
            for (int i = 0; i < axes.Length; i++)
            {
                output[axes[i]] = sizes[i];
            }

            return;
        }

        double? scale = null;
        for (int i = 0; i < axes.Length; i++)
        {
            if (x[(int)axes[i]].Value is not long v || v == 0)
            {
                output[axes[i]] = Dim.Symbolic();
                return;
            }

            double s = (double)sizes[i] / v;
            scale = scale is null ? s : policy == "not_smaller" ? Math.Max(scale.Value, s) : Math.Min(scale.Value, s);
        }

        for (int i = 0; i < axes.Length; i++)
        {
            output[axes[i]] = (long)Math.Round(x[(int)axes[i]].Value!.Value * scale!.Value, MidpointRounding.ToEven);
        }
    }
}
