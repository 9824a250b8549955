using PartitionCompiler.Partitioning.Graph;

namespace PartitionCompiler.Partitioning.Shapes.Rules;

/// <summary>
/// <c>MaxPool</c>, <c>AveragePool</c>, <c>LpPool</c> (kernel, strides, dilations, pads, <c>auto_pad</c>,
/// <c>ceil_mode</c>) and the global pools (every spatial axis becomes 1). MaxPool's optional second output holds int64
/// indices of the same shape.
/// </summary>
internal sealed class PoolingRule : IShapeRule
{
    public IReadOnlyList<string> OpTypes { get; } =
        ["MaxPool", "AveragePool", "LpPool", "GlobalAveragePool", "GlobalMaxPool", "GlobalLpPool", "MaxUnpool"];

    public void Infer(ShapeContext context)
    {
        var x = context.InputShape(0);
        if (x is null)
        {
            return;
        }

        int spatial = x.Rank - 2;
        if (spatial < 1)
        {
            context.Mismatch($"input X has shape {x}; pooling needs rank 3 or more [N, C, spatial...]");
            return;
        }

        var output = new Dim[x.Rank];
        output[0] = x[0];
        output[1] = x[1];
        if (context.Node.OpType == "MaxUnpool")
        {
            InferUnpool(context, x, output);
            return;
        }

        if (context.Node.OpType.StartsWith("Global", StringComparison.Ordinal))
        {
            for (int i = 2; i < output.Length; i++)
            {
                output[i] = 1;
            }
        }
        else
        {
            if (context.Attribute("kernel_shape") is null)
            {
                context.Invalid("kernel_shape", "is missing; pooling requires it");
                return;
            }

            var window = WindowAttributes.Read(context, spatial, null);
            if (window is null)
            {
                return;
            }

            for (int i = 0; i < spatial; i++)
            {
                output[i + 2] = window.Output(i, x[i + 2]);
            }
        }

        var shape = DimMath.Shape(output);
        context.SetOutput(0, context.InputElementType(0), shape);
        if (context.Node.OpType == "MaxPool")
        {
            context.SetOutput(1, ElementType.Int64, shape);
        }
    }

    /// <summary>MaxUnpool: the <c>output_shape</c> input when given, else (in - 1) · stride + kernel - pads per spatial axis.</summary>
    private static void InferUnpool(ShapeContext context, TensorShape x, Dim[] output)
    {
        if (context.HasInput(2))
        {
            if (context.InputValue(2)?.Integers is { } given && given.Length == x.Rank)
            {
                context.SetOutput(0, context.InputElementType(0), DimMath.Shape(given));
            }
            else
            {
                context.SetOutput(0, context.InputElementType(0), DimMath.Unknown(x.Rank));
                context.MarkDataDependent();
            }

            return;
        }

        var window = WindowAttributes.Read(context, x.Rank - 2, null);
        if (window is null)
        {
            return;
        }

        for (int i = 0; i < x.Rank - 2; i++)
        {
            output[i + 2] = x[i + 2].Value is long v
                ? ((v - 1) * window.Strides[i]) + window.Kernel[i] - window.Pads[i] - window.Pads[i + x.Rank - 2]
                : Dim.Symbolic();
        }

        context.SetOutput(0, context.InputElementType(0), DimMath.Shape(output));
    }
}
