using PartitionCompiler.Partitioning.Graph;

namespace PartitionCompiler.Partitioning.Tests.Shapes;

public sealed class PoolingRuleTests
{
    private static InferredTypesResult Pool(string op, long size, params AttributeValue[] attributes)
    {
        var (types, bag, _) = new SpecBuilder().Input("x", 1, 8, size, size).Node(op, ["x"], ["y", "i"], attributes).Output("y").Infer();
        return new InferredTypesResult(types, bag);
    }

    [Theory]
    [InlineData(0, "[1,8,27,27]")]
    [InlineData(1, "[1,8,27,27]")]
    public void MaxPool_3x3_stride_2_on_55(long ceilMode, string expected)
    {
        // (55 - 3) / 2 + 1 = 27 either way.
        var result = Pool("MaxPool", 55, Attr.Ints("kernel_shape", 3, 3), Attr.Ints("strides", 2, 2), Attr.Int("ceil_mode", ceilMode));
        ShapeAssert.Shape(result.Types, "y", expected);
    }

    [Theory]
    [InlineData(0, "[1,8,55,55]")]
    [InlineData(1, "[1,8,56,56]")]
    public void Ceil_mode_rounds_up(long ceilMode, string expected)
    {
        // Input 112, 3x3 stride 2: (112 - 3) / 2 = 54.5 -> floor 54 + 1 = 55, ceil 55 + 1 = 56; the last window starts
        // at 110 < 112, so it stays.
        var result = Pool("MaxPool", 112, Attr.Ints("kernel_shape", 3, 3), Attr.Ints("strides", 2, 2), Attr.Int("ceil_mode", ceilMode));
        ShapeAssert.Shape(result.Types, "y", expected);
    }

    [Fact]
    public void Ceil_mode_drops_a_last_window_that_starts_in_the_end_padding()
    {
        // Input 4, kernel 2, stride 2, pad end 1: ceil((4 + 1 - 2) / 2) + 1 = 3, but window 3 would start at 4 = in + pad_begin: 2.
        var result = Pool("MaxPool", 4, Attr.Ints("kernel_shape", 2, 2), Attr.Ints("strides", 2, 2), Attr.Ints("pads", 0, 0, 1, 1), Attr.Int("ceil_mode", 1));
        ShapeAssert.Shape(result.Types, "y", "[1,8,2,2]");
    }

    [Fact]
    public void MaxPool_with_dilation_and_indices_output()
    {
        // Effective kernel 2*(3-1)+1 = 5: (20 - 5) / 1 + 1 = 16; indices are int64 with the same shape.
        var result = Pool("MaxPool", 20, Attr.Ints("kernel_shape", 3, 3), Attr.Ints("dilations", 2, 2));
        ShapeAssert.Type(result.Types, "y", ElementType.Float32, "[1,8,16,16]");
        ShapeAssert.Type(result.Types, "i", ElementType.Int64, "[1,8,16,16]");
    }

    [Theory]
    [InlineData("SAME_UPPER", "[1,8,5,5]")]
    [InlineData("SAME_LOWER", "[1,8,5,5]")]
    [InlineData("VALID", "[1,8,4,4]")]
    public void AveragePool_auto_pad(string autoPad, string expected)
    {
        var result = Pool("AveragePool", 9, Attr.Ints("kernel_shape", 2, 2), Attr.Ints("strides", 2, 2), Attr.String("auto_pad", autoPad));
        ShapeAssert.Shape(result.Types, "y", expected);
    }

    [Fact]
    public void Global_pools_reduce_every_spatial_axis_to_one()
    {
        var types = new SpecBuilder().Input("x", 2, 16, 7, 9).Node("GlobalAveragePool", ["x"], ["a"]).Node("GlobalMaxPool", ["x"], ["m"])
            .Output("a", "m").InferClean();
        ShapeAssert.Shape(types, "a", "[2,16,1,1]");
        ShapeAssert.Shape(types, "m", "[2,16,1,1]");
    }

    [Fact]
    public void LpPool_and_missing_kernel_shape()
    {
        var ok = Pool("LpPool", 8, Attr.Ints("kernel_shape", 2, 2), Attr.Ints("strides", 2, 2));
        ShapeAssert.Shape(ok.Types, "y", "[1,8,4,4]");
        var bad = Pool("MaxPool", 8);
        ShapeAssert.Single(bad.Diagnostics, "PC0126");
    }

    [Fact]
    public void Negative_pads_are_PC0126()
    {
        var result = Pool("MaxPool", 8, Attr.Ints("kernel_shape", 2, 2), Attr.Ints("pads", -1, 0, 0, 0));
        Assert.Contains("'pads'", ShapeAssert.Single(result.Diagnostics, "PC0126").Message, StringComparison.Ordinal);
    }

    private sealed record InferredTypesResult(PartitionCompiler.Partitioning.Shapes.InferredTypes Types, PartitionCompiler.Partitioning.Diagnostics.DiagnosticBag Diagnostics);
}
