using PartitionCompiler.Partitioning.Graph;

namespace PartitionCompiler.Partitioning.Tests.Shapes;

public sealed class MatrixAndNormalizationRuleTests
{
    [Fact]
    public void Gemm_with_transposes()
    {
        var types = new SpecBuilder().Input("a", 1, 9216).Weight("w", 4096, 9216).Weight("b", 4096)
            .Node("Gemm", ["a", "w", "b"], ["y"], Attr.Int("transB", 1))
            .Input("at", 7, 2).Weight("w2", 7, 5).Node("Gemm", ["at", "w2"], ["z"], Attr.Int("transA", 1))
            .Output("y", "z").InferClean();
        ShapeAssert.Shape(types, "y", "[1,4096]");
        ShapeAssert.Shape(types, "z", "[2,5]");
    }

    [Fact]
    public void Gemm_inner_dim_mismatch_is_PC0125()
    {
        var (_, bag, _) = new SpecBuilder().Input("a", 1, 10).Weight("w", 4, 9).Node("Gemm", ["a", "w"], ["y"], Attr.Int("transB", 1)).Output("y").Infer();
        ShapeAssert.Single(bag, "PC0125");
    }

    [Fact]
    public void MatMul_broadcasts_batch_dims()
    {
        var types = new SpecBuilder().Input("a", 2, 1, 3, 4).Input("b", 5, 4, 6).Node("MatMul", ["a", "b"], ["y"]).Output("y").InferClean();
        ShapeAssert.Shape(types, "y", "[2,5,3,6]");
    }

    [Fact]
    public void MatMul_with_vectors_drops_the_promoted_dim()
    {
        var types = new SpecBuilder().Input("v", 4).Input("m", 3, 4, 6).Input("u", 6)
            .Node("MatMul", ["v", "m"], ["vm"]).Node("MatMul", ["m", "u"], ["mu"]).Node("MatMul", ["v", "v"], ["vv"])
            .Output("vm", "mu", "vv").InferClean();
        ShapeAssert.Shape(types, "vm", "[3,6]");
        ShapeAssert.Shape(types, "mu", "[3,4]");
        ShapeAssert.Shape(types, "vv", "[]");
    }

    [Fact]
    public void MatMul_keeps_a_symbolic_sequence_dim()
    {
        var types = new SpecBuilder().Input("x", 1, Dim.Symbolic("seq"), 64).Weight("w", 64, 32).Node("MatMul", ["x", "w"], ["y"]).Output("y").InferClean();
        ShapeAssert.Shape(types, "y", "[1,seq,32]");
    }

    [Fact]
    public void MatMul_inner_mismatch_is_PC0125()
    {
        var (_, bag, _) = new SpecBuilder().Input("a", 3, 4).Input("b", 5, 6).Node("MatMul", ["a", "b"], ["y"]).Output("y").Infer();
        ShapeAssert.Single(bag, "PC0125");
    }

    [Fact]
    public void BatchNormalization_checks_the_channel_vectors()
    {
        var good = new SpecBuilder().Input("x", 1, 8, 5, 5).Weight("s", 8).Weight("b", 8).Weight("m", 8).Weight("v", 8)
            .Node("BatchNormalization", ["x", "s", "b", "m", "v"], ["y"]).Output("y").InferClean();
        ShapeAssert.Shape(good, "y", "[1,8,5,5]");
        var (_, bag, _) = new SpecBuilder().Input("x", 1, 8, 5, 5).Weight("s", 6).Weight("b", 8).Weight("m", 8).Weight("v", 8)
            .Node("BatchNormalization", ["x", "s", "b", "m", "v"], ["y"]).Output("y").Infer();
        Assert.Contains("8 channels", ShapeAssert.Single(bag, "PC0125").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LayerNormalization_statistics_keep_leading_dims()
    {
        var types = new SpecBuilder().Input("x", 2, 7, 16).Weight("g", 16)
            .Node("LayerNormalization", ["x", "g"], ["y", "mean", "inv"], Attr.Int("axis", -1)).Output("y").InferClean();
        ShapeAssert.Shape(types, "y", "[2,7,16]");
        ShapeAssert.Type(types, "mean", ElementType.Float32, "[2,7,1]");
    }

    [Fact]
    public void LRN_and_InstanceNormalization_keep_the_shape()
    {
        var types = new SpecBuilder().Input("x", 1, 8, 5, 5).Weight("s", 8).Weight("b", 8)
            .Node("LRN", ["x"], ["l"], Attr.Int("size", 5)).Node("InstanceNormalization", ["l", "s", "b"], ["y"]).Output("y").InferClean();
        ShapeAssert.Shape(types, "y", "[1,8,5,5]");
    }

    [Fact]
    public void Softmax_axis_out_of_range_is_PC0126()
    {
        var ok = new SpecBuilder(9).Input("x", 1, 1000).Node("Softmax", ["x"], ["y"]).Node("LogSoftmax", ["x"], ["z"], Attr.Int("axis", -1))
            .Output("y", "z").InferClean();
        ShapeAssert.Shape(ok, "y", "[1,1000]");
        var (_, bag, _) = new SpecBuilder().Input("x", 1, 1000).Node("Softmax", ["x"], ["y"], Attr.Int("axis", 2)).Output("y").Infer();
        ShapeAssert.Single(bag, "PC0126");
    }
}
