using PartitionCompiler.Partitioning.Graph;

namespace PartitionCompiler.Partitioning.Tests.Shapes;

public sealed class ExtendedRuleTests
{
    [Fact]
    public void Quantized_conv_and_matmul_read_their_weights_at_input_3()
    {
        var types = new SpecBuilder().Input("x", ElementType.UInt8, 1, 3, 8, 8).Input("w", ElementType.Int8, 4, 3, 3, 3)
            .Input("a", ElementType.UInt8, 2, 5).Input("b", ElementType.Int8, 5, 6)
            .Input("s", ElementType.Float32).Input("zu", ElementType.UInt8).Input("zi", ElementType.Int8)
            .Node("QLinearConv", ["x", "s", "zu", "w", "s", "zi", "s", "zu"], ["y"], Attr.Ints("pads", 1, 1, 1, 1))
            .Node("QLinearMatMul", ["a", "s", "zu", "b", "s", "zi", "s", "zi"], ["m"])
            .Node("ConvInteger", ["x", "w"], ["ci"])
            .Output("y", "m", "ci").InferClean();
        ShapeAssert.Type(types, "y", ElementType.UInt8, "[1,4,8,8]");
        ShapeAssert.Type(types, "m", ElementType.Int8, "[2,6]");
        ShapeAssert.Type(types, "ci", ElementType.Int32, "[1,4,6,6]");
    }

    [Fact]
    public void Quantize_and_dequantize_keep_the_shape()
    {
        var types = new SpecBuilder().Input("x", 1, 16).Input("s", ElementType.Float32).Input("z", ElementType.Int8)
            .Node("QuantizeLinear", ["x", "s", "z"], ["q"]).Node("DequantizeLinear", ["q", "s", "z"], ["d"])
            .Node("DynamicQuantizeLinear", ["d"], ["dq", "ds", "dz"])
            .Output("d", "dq").InferClean();
        ShapeAssert.Type(types, "q", ElementType.Int8, "[1,16]");
        ShapeAssert.Type(types, "d", ElementType.Float32, "[1,16]");
        ShapeAssert.Type(types, "dq", ElementType.UInt8, "[1,16]");
        ShapeAssert.Type(types, "ds", ElementType.Float32, "[]");
    }

    [Theory]
    [InlineData("bij,bjk->bik", new long[] { 3, 2, 4 }, new long[] { 3, 4, 5 }, "[3,2,5]")]
    [InlineData("ij,jk", new long[] { 2, 4 }, new long[] { 4, 5 }, "[2,5]")]
    [InlineData("...ij,...jk->...ik", new long[] { 3, 2, 4 }, new long[] { 1, 4, 5 }, "[3,2,5]")]
    [InlineData("ij->ji", new long[] { 2, 4 }, null, "[4,2]")]
    public void Einsum_explicit_implicit_and_ellipsis(string equation, long[] a, long[]? b, string expected)
    {
        var builder = new SpecBuilder().Input("a", a.Select(d => (Dim)d).ToArray());
        string[] inputs = ["a"];
        if (b is not null)
        {
            builder.Input("b", b.Select(d => (Dim)d).ToArray());
            inputs = ["a", "b"];
        }

        var types = builder.Node("Einsum", inputs, ["y"], Attr.String("equation", equation)).Output("y").InferClean();
        ShapeAssert.Shape(types, "y", expected);
    }

    [Fact]
    public void Einsum_with_inconsistent_letters_is_PC0126()
    {
        var (_, bag, _) = new SpecBuilder().Input("a", 2, 4).Input("b", 3, 5).Node("Einsum", ["a", "b"], ["y"], Attr.String("equation", "ij,jk->ik"))
            .Output("y").Infer();
        ShapeAssert.Single(bag, "PC0126");
    }

    [Fact]
    public void OneHot_generators_unpool_and_region_sampling()
    {
        var types = new SpecBuilder().Input("i", ElementType.Int64, 2, 3).Ints("depth", [], 10).Input("v", 2)
            .Node("OneHot", ["i", "depth", "v"], ["oh"], Attr.Int("axis", 1))
            .Node("RandomNormal", [], ["rn"], Attr.Ints("shape", 4, 5))
            .Node("EyeLike", ["rn"], ["eye"], Attr.Int("dtype", (long)ElementType.Int32))
            .Input("x", 1, 8, 4, 4).Node("MaxUnpool", ["x", "idx"], ["up"], Attr.Ints("kernel_shape", 2, 2), Attr.Ints("strides", 2, 2))
            .Input("idx", ElementType.Int64, 1, 8, 4, 4)
            .Input("grid", 1, 6, 7, 2).Node("GridSample", ["x", "grid"], ["gs"])
            .Input("rois", 5, 4).Input("bi", ElementType.Int64, 5)
            .Node("RoiAlign", ["x", "rois", "bi"], ["ra"], Attr.Int("output_height", 3), Attr.Int("output_width", 2))
            .Output("oh", "eye", "up", "gs", "ra").InferClean();
        ShapeAssert.Type(types, "oh", ElementType.Float32, "[2,10,3]");
        ShapeAssert.Type(types, "eye", ElementType.Int32, "[4,5]");
        ShapeAssert.Shape(types, "up", "[1,8,8,8]");
        ShapeAssert.Shape(types, "gs", "[1,8,6,7]");
        ShapeAssert.Shape(types, "ra", "[5,8,3,2]");
    }

    [Fact]
    public void Resize_in_opset_10_reads_scales_from_the_second_input()
    {
        var types = new SpecBuilder(10).Input("x", 1, 3, 4, 4).Reals("s", 1, 1, 2, 3).Node("Resize", ["x", "s"], ["y"]).Output("y").InferClean();
        ShapeAssert.Shape(types, "y", "[1,3,8,12]");
    }

    [Fact]
    public void Resize_with_unknown_sizes_is_undecided()
    {
        var (types, bag, _) = new SpecBuilder().Input("x", 1, 3, 4, 4).Input("sz", ElementType.Int64, 4)
            .Node("Resize", ["x", "", "", "sz"], ["y"]).Output("y").Infer();
        Assert.Empty(bag.Items);
        ShapeAssert.Shape(types, "y", "[?,?,?,?]");
        Assert.Equal(["y"], types.Undecided);
    }
}
