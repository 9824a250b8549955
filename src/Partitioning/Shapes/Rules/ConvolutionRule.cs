using PartitionCompiler.Partitioning.Graph;

namespace PartitionCompiler.Partitioning.Shapes.Rules;

/// <summary>
/// <c>Conv</c> and <c>ConvTranspose</c>: X [N, C, D1..Dk], W [M, C/group, k1..kk] (transposed: W [C, M/group, k...]);
/// the quantized forms <c>ConvInteger</c> (int32 result) and <c>QLinearConv</c> (X and W at inputs 0 and 3, typed like
/// its output zero point) share the rule.
/// </summary>
internal sealed class ConvolutionRule : IShapeRule
{
    public IReadOnlyList<string> OpTypes { get; } = ["Conv", "ConvTranspose", "ConvInteger", "QLinearConv"];

    public void Infer(ShapeContext context)
    {
        switch (context.Node.OpType)
        {
            case "ConvInteger":
                Infer(context, 0, 1, ElementType.Int32);
                break;
            case "QLinearConv":
                Infer(context, 0, 3, context.InputElementType(7));
                break;
            default:
                Infer(context, 0, 1, context.InputElementType(0));
                break;
        }
    }

    private static void Infer(ShapeContext context, int xInput, int wInput, ElementType elementType)
    {
        var x = context.InputShape(xInput);
        var w = context.InputShape(wInput);
        if (x is null)
        {
            return;
        }

        int spatial = x.Rank - 2;
        if (spatial < 1)
        {
            context.Mismatch($"input X has shape {x}; a convolution needs rank 3 or more [N, C, spatial...]");
            return;
        }

        if (w is not null && w.Rank != x.Rank)
        {
            context.Mismatch($"input X has shape {x} but weight W has shape {w}; they must have the same rank");
            return;
        }

        long[]? kernelFromWeight = w is not null && w.Dims.Skip(2).All(d => d.IsKnown)
            ? w.Dims.Skip(2).Select(d => d.Value!.Value).ToArray()
            : null;
        long group = context.Int("group", 1);
        if (group < 1)
        {
            context.Invalid("group", $"is {group}; it must be at least 1");
            return;
        }

        var window = WindowAttributes.Read(context, spatial, kernelFromWeight);
        if (window is null)
        {
            if (!context.Failed)
            {
                context.SetOutput(0, elementType, DimMath.Unknown(x.Rank));
            }

            return;
        }

        bool transposed = context.Node.OpType == "ConvTranspose";
        if (w is not null && kernelFromWeight is not null && !kernelFromWeight.SequenceEqual(window.Kernel))
        {
            context.Mismatch($"kernel_shape [{string.Join(",", window.Kernel)}] differs from the weight's spatial dims {w}");
            return;
        }

        var output = new Dim[x.Rank];
        output[0] = x[0];
        if (!transposed)
        {
            if (w is not null && x[1].Value is long c && w[1].Value is long cPerGroup && c != cPerGroup * group)
            {
                context.Mismatch($"input X has {c} channels but weight W {w} with group {group} expects {cPerGroup * group}");
                return;
            }

            output[1] = w?[0] ?? Dim.Symbolic();
            for (int i = 0; i < spatial; i++)
            {
                output[i + 2] = window.Output(i, x[i + 2]);
            }
        }
        else
        {
            if (w is not null && x[1].Value is long c && w[0].Value is long wc && c != wc)
            {
                context.Mismatch($"input X has {c} channels but the transposed weight W {w} expects {wc}");
                return;
            }

            output[1] = w is null ? Dim.Symbolic() : DimMath.Multiply(w[1], group);
            if (!TransposedSpatial(context, window, x, spatial, output))
            {
                return;
            }
        }

        context.SetOutput(0, elementType, DimMath.Shape(output));
    }

    private static bool TransposedSpatial(ShapeContext context, WindowAttributes window, TensorShape x, int spatial, Dim[] output)
    {
        long[]? outputShape = context.Ints("output_shape");
        if (outputShape is not null)
        {
            if (outputShape.Length != spatial && outputShape.Length != spatial + 2)
            {
                context.Invalid("output_shape", $"has {outputShape.Length} values; expected {spatial}");
                return false;
            }

            for (int i = 0; i < spatial; i++)
            {
                output[i + 2] = outputShape[outputShape.Length - spatial + i];
            }

            return true;
        }

        long[] outputPadding = context.Ints("output_padding") ?? new long[spatial];
        if (outputPadding.Length != spatial)
        {
            context.Invalid("output_padding", $"has {outputPadding.Length} values; expected {spatial}");
            return false;
        }

        for (int i = 0; i < spatial; i++)
        {
            if (x[i + 2].Value is not long input)
            {
                output[i + 2] = Dim.Symbolic();
                continue;
            }

            long stride = window.Strides[i];
            if (window.AutoPad is "SAME_UPPER" or "SAME_LOWER")
            {
                output[i + 2] = input * stride;
                continue;
            }

            long padBegin = window.AutoPad == "VALID" ? 0 : window.Pads[i];
            long padEnd = window.AutoPad == "VALID" ? 0 : window.Pads[i + spatial];
            output[i + 2] = (stride * (input - 1)) + outputPadding[i] + (window.Dilations[i] * (window.Kernel[i] - 1)) + 1 - padBegin - padEnd;
        }

        return true;
    }
}
