using PartitionCompiler.Partitioning.Costs;
using PartitionCompiler.Partitioning.Tests.Shapes;

namespace PartitionCompiler.Partitioning.Tests.Costs;

public sealed class CutTests
{
    /// <summary>
    /// x [1,3,4,4] (192 B) -> p0 a = Conv1x1 -> p1 b = Conv3x3 -> p2 c = Relu -> p3 d = Conv3x3 -> p4 s = Add(d, a)
    /// -> p5 y = GlobalAveragePool (graph output, [1,8,1,1] = 32 B). a, b, c, d, s are [1,8,4,4] = 512 B.
    /// </summary>
    private static SpecBuilder ResidualBlock(bool sharedWeight = false) => new SpecBuilder()
        .Input("x", 1, 3, 4, 4).Weight("w0", 8, 3, 1, 1).Weight("w1", 8, 8, 3, 3).Weight("w2", 8, 8, 3, 3)
        .Node("Conv", ["x", "w0"], ["a"])
        .Node("Conv", ["a", "w1"], ["b"], Attr.Ints("pads", 1, 1, 1, 1))
        .Node("Relu", ["b"], ["c"])
        .Node("Conv", ["c", sharedWeight ? "w1" : "w2"], ["d"], Attr.Ints("pads", 1, 1, 1, 1))
        .Node("Add", ["d", "a"], ["s"])
        .Node("GlobalAveragePool", ["s"], ["y"])
        .Output("y");

    private static GraphCosts Costs(SpecBuilder builder)
    {
        var (types, bag, graph) = builder.Infer();
        Assert.Empty(bag.Items);
        return CostModel.Compute(graph, types);
    }

    [Fact]
    public void Residual_block_cuts_carry_the_skip_tensor()
    {
        var costs = Costs(ResidualBlock());
        // Hand computation, cut k = after position k:
        //  k=-1 {x}      192      k=0 {a}     512     k=1 {a,b} 1024   k=2 {a,c} 1024
        //  k=3  {a,d}   1024      k=4 {s}     512     k=5 {}       0
        string[][] sets = [["x"], ["a"], ["a", "b"], ["a", "c"], ["a", "d"], ["s"], []];
        long[] bytes = [192, 512, 1024, 1024, 1024, 512, 0];
        Assert.Equal(7, costs.Cuts.Count);
        for (int c = 0; c < sets.Length; c++)
        {
            Assert.Equal(c - 1, costs.Cuts[c].After);
            Assert.Equal(sets[c], costs.Cuts[c].Tensors.ToArray());
            Assert.Equal(bytes[c], costs.Cuts[c].Bytes);
            Assert.Equal(bytes[c], costs.CutBytes(c - 1));
        }
    }

    [Fact]
    public void Residual_block_peak_live_bytes()
    {
        var costs = Costs(ResidualBlock());
        // Live per step (inputs and outputs of the step, plus tensors spanning it):
        //  p0 x+a = 704   p1 a+b = 1024   p2 a+b+c = 1536   p3 a+c+d = 1536   p4 a+d+s = 1536   p5 s+y = 544
        Assert.Equal(0, costs.Cuts[0].PeakLiveBefore);
        Assert.Equal(1536, costs.Cuts[0].PeakLiveAfter);
        Assert.Equal(1024, costs.Cuts[2].PeakLiveBefore);
        Assert.Equal(1536, costs.Cuts[2].PeakLiveAfter);
        Assert.Equal(1536, costs.Cuts[5].PeakLiveBefore);
        Assert.Equal(544, costs.Cuts[5].PeakLiveAfter);
        Assert.Equal(1536, costs.Cuts[6].PeakLiveBefore);
        Assert.Equal(0, costs.Cuts[6].PeakLiveAfter);
        Assert.Equal(544, costs.SegmentPeakActivationBytes(5, 5));
        Assert.Equal(1024, costs.SegmentPeakActivationBytes(1, 1));
    }

    [Fact]
    public void Residual_block_flops_and_parameters()
    {
        var costs = Costs(ResidualBlock());
        // Conv: 2 * output elements (128) * Cin/group * kernel: p0 2*128*3 = 768, p1 and p3 2*128*8*9 = 18432.
        // Relu and Add: 128 each; GlobalAveragePool: 8 outputs * 16 input pixels = 128.
        double[] flops = [768, 18432, 128, 18432, 128, 128];
        Assert.Equal(flops, costs.Nodes.Select(n => n.Flops).ToArray());
        Assert.Equal(flops.Sum(), costs.TotalFlops);
        Assert.Equal(18432 + 128 + 18432, costs.SegmentFlops(1, 3));
        // w0 = 8*3*4 = 96 B, w1 = w2 = 8*8*9*4 = 2304 B.
        Assert.Equal([96L, 2304, 0, 2304, 0, 0], costs.Nodes.Select(n => n.ParameterBytes).ToArray());
        Assert.Equal(96 + 2304 + 2304, costs.TotalParameterBytes);
        Assert.Equal(2304 + 2304, costs.SegmentParameterBytes(1, 3));
        Assert.Equal([512L], costs.Nodes[0].OutputBytes.ToArray());
    }

    [Fact]
    public void A_weight_read_twice_counts_once_in_a_segment()
    {
        var costs = Costs(ResidualBlock(sharedWeight: true));
        Assert.Equal(96 + 2304, costs.TotalParameterBytes);
        Assert.Equal(2304, costs.SegmentParameterBytes(1, 3));
        Assert.Equal(2304, costs.SegmentParameterBytes(3, 5));
        Assert.Equal(96 + 2304, costs.SegmentParameterBytes(0, 1));
        Assert.Equal(0, costs.SegmentParameterBytes(4, 5));
    }

    [Fact]
    public void Two_branch_concat_cuts_match_hand_computation()
    {
        // x [1,4,5,5] 400 B -> p0 s = squeeze 1x1 to 2 ch (200 B) -> p1 e1 = 1x1 to 3 ch (300 B)
        // -> p2 e3 = 3x3 pad 1 to 5 ch (500 B) -> p3 cat = Concat(e1, e3) (800 B, graph output).
        //  k=-1 {x} 400   k=0 {s} 200   k=1 {s, e1} 200+300 = 500   k=2 {e1, e3} 300+500 = 800   k=3 {} 0
        var costs = Costs(new SpecBuilder().Input("x", 1, 4, 5, 5).Weight("ws", 2, 4, 1, 1).Weight("we1", 3, 2, 1, 1).Weight("we3", 5, 2, 3, 3)
            .Node("Conv", ["x", "ws"], ["s"])
            .Node("Conv", ["s", "we1"], ["e1"])
            .Node("Conv", ["s", "we3"], ["e3"], Attr.Ints("pads", 1, 1, 1, 1))
            .Node("Concat", ["e1", "e3"], ["cat"], Attr.Int("axis", 1))
            .Output("cat"));
        Assert.Equal([400L, 200, 500, 800, 0], costs.Cuts.Select(c => c.Bytes).ToArray());
        Assert.Equal(["s", "e1"], costs.Cuts[2].Tensors.ToArray());
        Assert.Equal(["e1", "e3"], costs.Cuts[3].Tensors.ToArray());
        Assert.Equal(0, costs.Nodes[3].Flops);
        // Live: p0 x+s = 600, p1 s+e1 = 500, p2 s+e1+e3 = 1000, p3 e1+e3+cat = 1600.
        Assert.Equal(1000, costs.Cuts[3].PeakLiveBefore);
        Assert.Equal(1600, costs.Cuts[3].PeakLiveAfter);
    }

    [Fact]
    public void A_graph_output_made_early_stays_live_to_the_end_of_its_segment_only()
    {
        // p0 a = Relu(x) is a graph output and is read at p1; p2 and p3 do not read it.
        // x, a, b, c, d are [1,100] = 400 B. Live: p0 x+a, p1 a+b, p2 b+c (+a if the segment started at or before p0),
        // p3 c+d (+a likewise).
        var costs = Costs(new SpecBuilder().Input("x", 1, 100)
            .Node("Relu", ["x"], ["a"]).Node("Relu", ["a"], ["b"]).Node("Relu", ["b"], ["c"]).Node("Relu", ["c"], ["d"])
            .Output("a", "d"));
        Assert.Equal(1200, costs.SegmentPeakActivationBytes(0, 3));
        Assert.Equal(800, costs.SegmentPeakActivationBytes(1, 3));
        Assert.Equal(800, costs.SegmentPeakActivationBytes(2, 3));
        Assert.Equal(800, costs.SegmentPeakActivationBytes(0, 1));
    }
}
