using PartitionCompiler.OnnxSplitter.Probing;
using PartitionCompiler.OnnxSplitter.Tests.Reading;
using PartitionCompiler.Partitioning.Diagnostics;
using PartitionCompiler.Partitioning.Graph;
using PartitionCompiler.Partitioning.Manifest;
using PartitionCompiler.TestSupport;

namespace PartitionCompiler.OnnxSplitter.Tests.Probing;

/// <summary>The ONNX Runtime probe: types of chosen tensors from one run on zeros.</summary>
public sealed class OrtShapeProbeTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void SqueezeNet_1_1_tensors_have_the_published_feature_map_sizes()
    {
        // Layer table of torchvision SqueezeNet 1.1 at 224x224 (ceil-mode pools).
        var expected = new Dictionary<string, long[]>
        {
            ["features.0_relu"] = [1, 64, 111, 111],
            ["features.2_out"] = [1, 64, 55, 55],
            ["features.3_out"] = [1, 128, 55, 55],
            ["features.4_out"] = [1, 128, 55, 55],
            ["features.5_out"] = [1, 128, 27, 27],
            ["features.7_out"] = [1, 256, 27, 27],
            ["features.8_out"] = [1, 256, 13, 13],
            ["features.10_out"] = [1, 384, 13, 13],
            ["features.12_out"] = [1, 512, 13, 13],
            ["classifier.1_relu"] = [1, 1000, 13, 13],
            ["classifier.3_out"] = [1, 1000, 1, 1],
            ["output"] = [1, 1000],
        };
        var model = ReadResult.Of(ModelRecipes.SqueezeNet11(WeightStyle.ConstantOfShape), _folder).Ok();
        var diagnostics = new DiagnosticBag();

        var types = OrtShapeProbe.Probe(model, [.. expected.Keys], [], diagnostics);

        Assert.Empty(diagnostics.Items);
        Assert.NotNull(types);
        foreach (var (name, dims) in expected)
        {
            Assert.Equal(new TensorType(ElementType.Float32, TensorShape.Of(dims)), types[name]);
        }
    }

    [Fact]
    public void AlexNet_tensors_have_the_published_feature_map_sizes()
    {
        var expected = new Dictionary<string, long[]>
        {
            ["features.0_relu"] = [1, 64, 55, 55],
            ["features.2_out"] = [1, 64, 27, 27],
            ["features.3_relu"] = [1, 192, 27, 27],
            ["features.5_out"] = [1, 192, 13, 13],
            ["features.6_relu"] = [1, 384, 13, 13],
            ["features.8_relu"] = [1, 256, 13, 13],
            ["features.12_out"] = [1, 256, 6, 6],
            ["flatten_out"] = [1, 9216],
            ["classifier.1_out"] = [1, 4096],
            ["classifier.6_out"] = [1, 1000],
        };
        var model = ReadResult.Of(ModelRecipes.AlexNet(WeightStyle.ConstantOfShape), _folder).Ok();

        var types = OrtShapeProbe.Probe(model, [.. expected.Keys], [], new DiagnosticBag())!;

        Assert.Equal(expected.Keys.Order(), types.Keys.Order());
        Assert.All(expected, e => Assert.Equal(TensorShape.Of(e.Value), types[e.Key].Shape));
    }

    [Fact]
    public void Model_with_external_data_runs_from_its_folder()
    {
        var model = ReadResult.Of(ModelRecipes.WithExternalData(), _folder).Ok();

        var types = OrtShapeProbe.Probe(model, ["concat_out", "head_out"], [], new DiagnosticBag())!;

        Assert.Equal(TensorShape.Of(1, 16, 32, 32), types["concat_out"].Shape);
        Assert.Equal(TensorShape.Of(1, 4, 32, 32), types["head_out"].Shape);
    }

    [Fact]
    public void If_output_and_non_float_tensors_get_their_types()
    {
        var model = ReadResult.Of(ModelRecipes.WithIf(), _folder).Ok();

        var types = OrtShapeProbe.Probe(model, ["branch_out", "cond", "sum"], [], new DiagnosticBag())!;

        Assert.Equal(new TensorType(ElementType.Float32, TensorShape.Of(1, 8)), types["branch_out"]);
        Assert.Equal(new TensorType(ElementType.Bool, TensorShape.Scalar), types["cond"]);
        Assert.Equal(new TensorType(ElementType.Float32, TensorShape.Scalar), types["sum"]);
    }

    [Fact]
    public void Names_that_no_node_produces_are_ignored()
    {
        var model = ReadResult.Of(ModelRecipes.TwoBranchConcat(), _folder).Ok();

        var types = OrtShapeProbe.Probe(model, ["x", "left.weight", "nope", "concat_out"], [], new DiagnosticBag())!;

        Assert.Equal(["concat_out"], types.Keys);
    }

    [Fact]
    public void Symbolic_batch_defaults_to_1_and_pins_set_other_dims()
    {
        var builder = new OnnxModelBuilder().Input("x", ElementType.Float32, Dim.Symbolic("N"), 3, Dim.Symbolic("H"), Dim.Symbolic("W"))
            .Node("Relu", ["x"], ["r"], "relu").Node("GlobalAveragePool", ["r"], ["y"], "gap")
            .Output("y", ElementType.Float32, Dim.Symbolic("N"), 3, 1, 1);
        var model = ReadResult.Of(builder, _folder).Ok();

        var unpinned = new DiagnosticBag();
        Assert.Null(OrtShapeProbe.Probe(model, ["r"], [], unpinned));
        var warning = Assert.Single(unpinned.Items);
        Assert.Equal(("PC0115", DiagnosticSeverity.Warning), (warning.Code, warning.Severity));
        Assert.Contains("dim 2 of graph input 'x' is symbolic ('H')", warning.Message);

        var pinned = OrtShapeProbe.Probe(model, ["r"], [new InputPin("x", new long[] { 2, 3, 5, 7 }, null)], new DiagnosticBag())!;
        Assert.Equal(TensorShape.Of(2, 3, 5, 7), pinned["r"].Shape);
    }

    [Fact]
    public void Model_ONNX_Runtime_cannot_load_is_a_PC0115_warning()
    {
        var builder = new OnnxModelBuilder().Opset(1, "com.example").Input("x", ElementType.Float32, 4)
            .NodeInDomain("com.example", "Mystery", ["x"], ["y"], "mystery").Output("y", ElementType.Float32, 4);
        var model = ReadResult.Of(builder, _folder).Ok();
        var diagnostics = new DiagnosticBag();

        Assert.Null(OrtShapeProbe.Probe(model, ["y"], [], diagnostics));

        var warning = Assert.Single(diagnostics.Items);
        Assert.Equal("PC0115", warning.Code);
        Assert.False(warning.IsError);
        Assert.DoesNotContain('\n', warning.Message);
    }
}
