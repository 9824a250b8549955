using PartitionCompiler.OnnxSplitter.Reading;
using PartitionCompiler.Partitioning.Costs;
using PartitionCompiler.Partitioning.Diagnostics;
using PartitionCompiler.Partitioning.Graph;
using PartitionCompiler.Partitioning.Shapes;

namespace PartitionCompiler.Partitioning.Tests.Costs;

/// <summary>
/// Multiply-add totals of generated torchvision networks, read through the ONNX reader, against the published layer
/// tables (torchvision's own counts): AlexNet 714.19 M, SqueezeNet 1.1 349.15 M (Conv and Gemm only).
/// </summary>
public sealed class ReferenceNetworkTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("alexnet", 714.19e6)]
    [InlineData("alexnet_light", 714.19e6)]
    [InlineData("squeezenet1_1", 349.15e6)]
    [InlineData("squeezenet1_1_constant_nodes", 349.15e6)]
    public void Conv_and_gemm_multiply_adds_match_the_published_total(string model, double expectedMacs)
    {
        var (graph, types, costs) = Analyse(model);
        double macs = graph.Nodes.Where(n => n.OpType is "Conv" or "Gemm").Sum(n => costs.Nodes[n.Index].Flops) / 2;
        output.WriteLine($"{model}: {macs:F0} multiply-adds, {costs.TotalFlops / 1e9:F4} GFLOP in total, {costs.TotalParameterBytes} parameter bytes");
        Assert.InRange(macs, expectedMacs * 0.999, expectedMacs * 1.001);
        Assert.Empty(types.Undecided);
    }

    [Fact]
    public void AlexNet_layer_shapes_and_parameters_match_the_table()
    {
        var (graph, types, costs) = Analyse("alexnet");
        // §2.1: conv1 55x55x64 (774,400 B), pool1 27x27x64, conv2 27x27x192, pool2 13, pool5 6x6x256 (36,864 B).
        Assert.Equal(774_400, types.BytesOf("features.0_out"));
        Assert.Equal("[1,64,27,27]", types.TypeOf("features.2_out")!.Shape!.ToString());
        Assert.Equal("[1,192,27,27]", types.TypeOf("features.3_out")!.Shape!.ToString());
        Assert.Equal(36_864, types.BytesOf("features.12_out"));
        Assert.Equal("[1,9216]", types.TypeOf("flatten_out")!.Shape!.ToString());
        // torchvision AlexNet has 61,100,840 parameters (float32).
        Assert.Equal(61_100_840L * 4, costs.TotalParameterBytes);
        Assert.Equal(graph.PositionCount + 1, costs.Cuts.Count);
        Assert.Equal(602_112, costs.Cuts[0].Bytes);
    }

    [Fact]
    public void SqueezeNet_ceil_mode_pools_and_fire_concats()
    {
        var (_, types, costs) = Analyse("squeezenet1_1");
        // §2.3 v1.1: conv1 111 -> pool 55 (ceil) -> pool 27 -> pool 13; fire9 out 13x13x512; conv10 13x13x1000.
        Assert.Equal("[1,64,111,111]", types.TypeOf("features.0_out")!.Shape!.ToString());
        Assert.Equal("[1,64,55,55]", types.TypeOf("features.2_out")!.Shape!.ToString());
        Assert.Equal("[1,128,27,27]", types.TypeOf("features.5_out")!.Shape!.ToString());
        Assert.Equal("[1,256,13,13]", types.TypeOf("features.8_out")!.Shape!.ToString());
        Assert.Equal(346_112, types.BytesOf("features.12_out"));
        Assert.Equal(676_000, types.BytesOf("classifier.1_out"));
        Assert.Equal(1_235_496L * 4, costs.TotalParameterBytes);
    }

    internal static (OperatorGraph Graph, InferredTypes Types, GraphCosts Costs) Analyse(string catalogName)
    {
        var bag = new DiagnosticBag();
        var model = OnnxModelReader.Read(GeneratedModelCatalog.Bytes(catalogName), catalogName + ".onnx", ".", bag);
        Assert.True(model is not null, string.Join("\n", bag.Items));
        return Analyse(model!.Spec, model.Location, bag);
    }

    internal static (OperatorGraph Graph, InferredTypes Types, GraphCosts Costs) Analyse(ModelSpec spec, SourceLocation location, DiagnosticBag bag)
    {
        var graph = GraphBuilder.Build(spec, location, bag);
        Assert.True(graph is not null, string.Join("\n", bag.Items));
        var types = ShapeInference.Infer(graph!, [], bag, null, location);
        Assert.True(bag.Items.Count == 0, string.Join("\n", bag.Items));
        return (graph!, types, CostModel.Compute(graph!, types));
    }
}
