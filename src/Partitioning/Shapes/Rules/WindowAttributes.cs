using PartitionCompiler.Partitioning.Graph;

namespace PartitionCompiler.Partitioning.Shapes.Rules;

/// <summary>
/// The sliding-window attributes shared by convolution and pooling (<c>kernel_shape</c>, <c>strides</c>,
/// <c>dilations</c>, <c>pads</c>, <c>auto_pad</c>, <c>ceil_mode</c>), read and checked once.
/// </summary>
internal sealed class WindowAttributes
{
    private WindowAttributes(long[] kernel, long[] strides, long[] dilations, long[] pads, string autoPad, bool ceilMode)
    {
        Kernel = kernel;
        Strides = strides;
        Dilations = dilations;
        Pads = pads;
        AutoPad = autoPad;
        CeilMode = ceilMode;
    }

    public long[] Kernel { get; }

    public long[] Strides { get; }

    public long[] Dilations { get; }

    /// <summary>Explicit pads: all begins, then all ends (ONNX order).</summary>
    public long[] Pads { get; }

    /// <summary><c>NOTSET</c>, <c>SAME_UPPER</c>, <c>SAME_LOWER</c> or <c>VALID</c>.</summary>
    public string AutoPad { get; }

    public bool CeilMode { get; }

    /// <summary>Reads the attributes for <paramref name="spatial"/> spatial axes; null after reporting an invalid one.</summary>
    public static WindowAttributes? Read(ShapeContext context, int spatial, long[]? kernelFallback)
    {
        long[]? kernel = context.Ints("kernel_shape") ?? kernelFallback;
        if (kernel is null)
        {
            return null;
        }

        if (kernel.Length != spatial || kernel.Any(k => k < 1))
        {
            context.Invalid("kernel_shape", $"is [{string.Join(",", kernel)}], but the input has {spatial} spatial axes (positive sizes expected)");
            return null;
        }

        long[] strides = context.Ints("strides") ?? Ones(spatial);
        long[] dilations = context.Ints("dilations") ?? Ones(spatial);
        long[] pads = context.Ints("pads") ?? new long[2 * spatial];
        if (strides.Length != spatial || strides.Any(s => s < 1))
        {
            context.Invalid("strides", $"is [{string.Join(",", strides)}]; expected {spatial} positive values");
            return null;
        }

        if (dilations.Length != spatial || dilations.Any(d => d < 1))
        {
            context.Invalid("dilations", $"is [{string.Join(",", dilations)}]; expected {spatial} positive values");
            return null;
        }

        if (pads.Length != 2 * spatial || pads.Any(p => p < 0))
        {
            context.Invalid("pads", $"is [{string.Join(",", pads)}]; expected {2 * spatial} non-negative values (all begins, then all ends)");
            return null;
        }

        string autoPad = context.String("auto_pad", "NOTSET");
        if (autoPad.Length == 0)
        {
            autoPad = "NOTSET";
        }

        if (autoPad is not ("NOTSET" or "SAME_UPPER" or "SAME_LOWER" or "VALID"))
        {
            context.Invalid("auto_pad", $"is '{autoPad}'; expected NOTSET, SAME_UPPER, SAME_LOWER or VALID");
            return null;
        }

        return new WindowAttributes(kernel, strides, dilations, pads, autoPad, context.Int("ceil_mode", 0) != 0);
    }

    /// <summary>The output length of spatial axis <paramref name="axis"/> for an input of length <paramref name="input"/>.</summary>
    public Dim Output(int axis, Dim input)
    {
        if (input.Value is not long length)
        {
            return Dim.Symbolic();
        }

        return AutoPad switch
        {
            "SAME_UPPER" or "SAME_LOWER" => DimMath.CeilDiv(length, Strides[axis]),
            "VALID" => DimMath.WindowOutput(length, Kernel[axis], Strides[axis], Dilations[axis], 0, 0, CeilMode),
            _ => DimMath.WindowOutput(length, Kernel[axis], Strides[axis], Dilations[axis], Pads[axis], Pads[axis + Kernel.Length], CeilMode),
        };
    }

    /// <summary>The begin and end pads actually applied on an axis (auto_pad resolved), for an input of known length.</summary>
    public (long Begin, long End) ResolvedPads(int axis, long input)
    {
        switch (AutoPad)
        {
            case "SAME_UPPER":
            case "SAME_LOWER":
                long output = DimMath.CeilDiv(input, Strides[axis]);
                long total = Math.Max(0, ((output - 1) * Strides[axis]) + (Dilations[axis] * (Kernel[axis] - 1)) + 1 - input);
                long small = total / 2;
                return AutoPad == "SAME_UPPER" ? (small, total - small) : (total - small, small);
            case "VALID":
                return (0, 0);
            default:
                return (Pads[axis], Pads[axis + Kernel.Length]);
        }
    }

    private static long[] Ones(int count) => Enumerable.Repeat(1L, count).ToArray();
}
