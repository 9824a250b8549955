using PartitionCompiler.Partitioning.Costs;
using PartitionCompiler.Partitioning.Graph;
using PartitionCompiler.Partitioning.Tests.Shapes;

namespace PartitionCompiler.Partitioning.Tests.Costs;

/// <summary>The FLOP convention of <see cref="CostModel"/>, one operator family at a time (1 multiply-add = 2 FLOPs).</summary>
public sealed class FlopConventionTests
{
    private static double Flops(SpecBuilder builder, string output)
    {
        var (types, bag, graph) = builder.Infer();
        Assert.True(bag.Items.Count == 0, string.Join("\n", bag.Items));
        var costs = CostModel.Compute(graph, types);
        return costs.Nodes.Single(n => graph.Nodes[n.NodeIndex].Spec.Outputs.Contains(output)).Flops;
    }

    [Fact]
    public void Grouped_3d_conv_counts_input_channels_per_group()
    {
        // Output [2,8,4,4,4] = 1024 elements; Cin/group = 6/2 = 3; kernel 3x3x3: 2 * 1024 * 3 * 27.
        double flops = Flops(new SpecBuilder().Input("x", 2, 6, 6, 6, 6).Weight("w", 8, 3, 3, 3, 3)
            .Node("Conv", ["x", "w"], ["y"], Attr.Int("group", 2)).Output("y"), "y");
        Assert.Equal(2.0 * 1024 * 3 * 27, flops);
    }

    [Fact]
    public void ConvTranspose_counts_from_the_input_side()
    {
        // Input [1,4,5,5] = 100 elements, W [4,3,2,2]: 2 * 100 * 3 * 4.
        double flops = Flops(new SpecBuilder().Input("x", 1, 4, 5, 5).Weight("w", 4, 3, 2, 2)
            .Node("ConvTranspose", ["x", "w"], ["y"], Attr.Ints("strides", 2, 2)).Output("y"), "y");
        Assert.Equal(2.0 * 100 * 3 * 4, flops);
    }

    [Fact]
    public void Gemm_and_batched_matmul_are_2MNK()
    {
        Assert.Equal(2.0 * 1 * 4096 * 9216, Flops(new SpecBuilder().Input("a", 1, 9216).Weight("w", 4096, 9216)
            .Node("Gemm", ["a", "w"], ["y"], Attr.Int("transB", 1)).Output("y"), "y"));
        // [3,2,4] x [4,5]: batch 3, M 2, N 5, K 4.
        Assert.Equal(2.0 * 3 * 2 * 5 * 4, Flops(new SpecBuilder().Input("a", 3, 2, 4).Weight("b", 4, 5)
            .Node("MatMul", ["a", "b"], ["y"]).Output("y"), "y"));
        Assert.Equal(2.0 * 3 * 2 * 5 * 4, Flops(new SpecBuilder().Input("a", 3, 2, 4).Input("b", 3, 4, 5)
            .Node("Einsum", ["a", "b"], ["y"], Attr.String("equation", "bij,bjk->bik")).Output("y"), "y"));
    }

    [Fact]
    public void Pools_count_the_window_per_output_element()
    {
        // MaxPool 3x3 stride 2 on 13: 6x6 outputs * 256 channels * 9.
        Assert.Equal(256.0 * 36 * 9, Flops(new SpecBuilder().Input("x", 1, 256, 13, 13)
            .Node("MaxPool", ["x"], ["y"], Attr.Ints("kernel_shape", 3, 3), Attr.Ints("strides", 2, 2)).Output("y"), "y"));
        Assert.Equal(1000.0 * 169, Flops(new SpecBuilder().Input("x", 1, 1000, 13, 13).Node("GlobalAveragePool", ["x"], ["y"]).Output("y"), "y"));
    }

    [Fact]
    public void Elementwise_softmax_layernorm_and_data_movement()
    {
        Assert.Equal(60, Flops(new SpecBuilder().Input("a", 3, 4, 5).Input("b", 5).Node("Add", ["a", "b"], ["y"]).Output("y"), "y"));
        Assert.Equal(120, Flops(new SpecBuilder().Input("a", 3, 4, 5).Input("b", 5).Input("c", 5)
            .Node("Sum", ["a", "b", "c"], ["y"]).Output("y"), "y"));
        Assert.Equal(5000, Flops(new SpecBuilder().Input("x", 1, 1000).Node("Softmax", ["x"], ["y"]).Output("y"), "y"));
        Assert.Equal(5 * 64, Flops(new SpecBuilder().Input("x", 4, 16).Weight("g", 16)
            .Node("LayerNormalization", ["x", "g"], ["y"]).Output("y"), "y"));
        Assert.Equal(8 * 25, Flops(new SpecBuilder().Input("x", 1, 8, 5, 5).Weight("s", 8).Weight("b", 8).Weight("m", 8).Weight("v", 8)
            .Node("BatchNormalization", ["x", "s", "b", "m", "v"], ["y"]).Output("y"), "y"));
        Assert.Equal((2 * 5 + 3) * 200, Flops(new SpecBuilder().Input("x", 1, 8, 5, 5).Node("LRN", ["x"], ["y"], Attr.Int("size", 5)).Output("y"), "y"));
        Assert.Equal(60, Flops(new SpecBuilder().Input("x", 3, 4, 5).Node("ReduceMean", ["x"], ["y"]).Output("y"), "y"));
        foreach (string op in new[] { "Transpose", "Identity", "Flatten" })
        {
            Assert.Equal(0, Flops(new SpecBuilder().Input("x", 3, 4, 5).Node(op, ["x"], ["y"]).Output("y"), "y"));
        }
    }

    [Fact]
    public void Unknown_ops_count_zero_and_their_outputs_unknown_bytes()
    {
        var (types, _, graph) = new SpecBuilder().Input("x", 3, 4)
            .RawNode(i => new NodeSpec(i, "c", "Fancy", "com.example", PartitionCompiler.Partitioning.Collections.EquatableArray.Create("x"),
                PartitionCompiler.Partitioning.Collections.EquatableArray.Create("y"), default, default, false))
            .Output("y").Infer();
        var costs = CostModel.Compute(graph, types);
        Assert.Equal(0, costs.Nodes[0].Flops);
        Assert.Null(costs.Nodes[0].OutputBytes[0]);
        Assert.Equal(["y"], costs.UnknownSizeTensors);
    }
}
