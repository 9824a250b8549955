using PartitionCompiler.Partitioning.Graph;

namespace PartitionCompiler.Partitioning.Tests.Shapes;

public sealed class ConvolutionRuleTests
{
    private static SpecBuilder Conv(Dim[] input, long[] weight, params AttributeValue[] attributes) =>
        new SpecBuilder().Input("x", input).Weight("w", weight).Node("Conv", ["x", "w"], ["y"], attributes).Output("y");

    [Fact]
    public void Conv_with_pads_and_stride_follows_the_floor_formula()
    {
        // AlexNet conv1: (224 + 2 + 2 - 11) / 4 + 1 = 55.
        var types = Conv([1, 3, 224, 224], [64, 3, 11, 11], Attr.Ints("strides", 4, 4), Attr.Ints("pads", 2, 2, 2, 2)).InferClean();
        ShapeAssert.Type(types, "y", ElementType.Float32, "[1,64,55,55]");
    }

    [Fact]
    public void Conv_kernel_comes_from_the_weight_when_the_attribute_is_absent()
    {
        var types = Conv([1, 8, 10, 12], [16, 8, 3, 5]).InferClean();
        ShapeAssert.Shape(types, "y", "[1,16,8,8]");
    }

    [Fact]
    public void Conv_with_dilation_uses_the_effective_kernel()
    {
        // Effective kernel d(k-1)+1 = 2*2+1 = 5: (32 - 5) / 1 + 1 = 28; asymmetric pads 1/0 on H: (32+1-5)+1 = 29.
        var types = Conv([1, 3, 32, 32], [4, 3, 3, 3], Attr.Ints("dilations", 2, 2), Attr.Ints("pads", 1, 0, 0, 0)).InferClean();
        ShapeAssert.Shape(types, "y", "[1,4,29,28]");
    }

    [Theory]
    [InlineData("SAME_UPPER", "[1,4,8,8]")]
    [InlineData("SAME_LOWER", "[1,4,8,8]")]
    [InlineData("VALID", "[1,4,7,7]")]
    [InlineData("NOTSET", "[1,4,7,7]")]
    public void Conv_auto_pad_modes(string autoPad, string expected)
    {
        // Input 15, kernel 3, stride 2: SAME gives ceil(15/2) = 8; VALID gives floor((15-3)/2)+1 = 7.
        var types = Conv([1, 3, 15, 15], [4, 3, 3, 3], Attr.Ints("strides", 2, 2), Attr.String("auto_pad", autoPad)).InferClean();
        ShapeAssert.Shape(types, "y", expected);
    }

    [Fact]
    public void Grouped_conv_checks_channels_against_weight_times_group()
    {
        var types = Conv([1, 96, 27, 27], [256, 48, 5, 5], Attr.Int("group", 2), Attr.Ints("pads", 2, 2, 2, 2)).InferClean();
        ShapeAssert.Shape(types, "y", "[1,256,27,27]");
    }

    [Fact]
    public void Conv_channel_mismatch_is_PC0125_naming_the_node()
    {
        var (types, bag, _) = Conv([1, 3, 8, 8], [4, 5, 3, 3]).Infer();
        var diagnostic = ShapeAssert.Single(bag, "PC0125");
        Assert.Contains("node 'y' (Conv)", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("3 channels", diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal("test.onnx", diagnostic.Location?.Path);
        Assert.Contains("y", types.Undecided);
    }

    [Fact]
    public void Conv_kernel_shape_of_the_wrong_rank_is_PC0126()
    {
        var (_, bag, _) = Conv([1, 3, 8, 8], [4, 3, 3, 3], Attr.Ints("kernel_shape", 3)).Infer();
        var diagnostic = ShapeAssert.Single(bag, "PC0126");
        Assert.Contains("'kernel_shape'", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Conv_1d_and_3d()
    {
        var types = new SpecBuilder()
            .Input("a", 1, 2, 50).Weight("wa", 6, 2, 5).Node("Conv", ["a", "wa"], ["ya"], Attr.Ints("strides", 3))
            .Input("b", 1, 2, 9, 10, 11).Weight("wb", 4, 2, 3, 3, 3).Node("Conv", ["b", "wb"], ["yb"], Attr.Ints("pads", 1, 1, 1, 1, 1, 1))
            .Output("ya", "yb").InferClean();
        ShapeAssert.Shape(types, "ya", "[1,6,16]");
        ShapeAssert.Shape(types, "yb", "[1,4,9,10,11]");
    }

    [Fact]
    public void Symbolic_batch_propagates_through_conv()
    {
        var types = Conv([1, 3, Dim.Symbolic("height"), 16], [8, 3, 3, 3], Attr.Ints("pads", 1, 1, 1, 1)).InferClean();
        ShapeAssert.Shape(types, "y", "[1,8,?,16]");
        Assert.Empty(types.Undecided);
    }

    [Fact]
    public void ConvTranspose_with_stride_output_padding_and_group()
    {
        // out = s(in-1) + output_padding + d(k-1) + 1 - pads = 2*(7-1) + 1 + 2 + 1 - 2 = 14; channels W[1]*group = 3*2.
        var types = new SpecBuilder().Input("x", 1, 4, 7, 7).Weight("w", 4, 3, 3, 3)
            .Node("ConvTranspose", ["x", "w"], ["y"], Attr.Ints("strides", 2, 2), Attr.Ints("pads", 1, 1, 1, 1),
                Attr.Ints("output_padding", 1, 1), Attr.Int("group", 2))
            .Output("y").InferClean();
        ShapeAssert.Shape(types, "y", "[1,6,14,14]");
    }

    [Fact]
    public void ConvTranspose_output_shape_and_same_padding()
    {
        var types = new SpecBuilder().Input("x", 1, 4, 7, 7).Weight("w", 4, 2, 3, 3)
            .Node("ConvTranspose", ["x", "w"], ["y1"], Attr.Ints("strides", 2, 2), Attr.Ints("output_shape", 14, 15))
            .Node("ConvTranspose", ["x", "w"], ["y2"], Attr.Ints("strides", 2, 2), Attr.String("auto_pad", "SAME_UPPER"))
            .Output("y1", "y2").InferClean();
        ShapeAssert.Shape(types, "y1", "[1,2,14,15]");
        ShapeAssert.Shape(types, "y2", "[1,2,14,14]");
    }
}
