using PartitionCompiler.Partitioning.Diagnostics;
using PartitionCompiler.Partitioning.Graph;
using PartitionCompiler.TestSupport;

namespace PartitionCompiler.OnnxSplitter.Tests.Reading;

/// <summary>Files read by the reader and built into an <see cref="OperatorGraph"/>, including the PC0110-PC0114 structure errors.</summary>
public sealed class GraphImportTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    public static TheoryData<string> CorpusModels => Corpus.Models;

    public static TheoryData<string> GeneratedModels => new(GeneratedModelCatalog.Names);

    /// <summary>Real operators per corpus model (its README's "nodes (all / real ops)": weight fills and the nodes that
    /// only reshape weights, such as Inception v2's Unsqueeze of batch-norm parameters, are not real operators).</summary>
    private static readonly Dictionary<string, int> CorpusRealOps = new()
    {
        ["light_bvlc_alexnet.onnx"] = 24,
        ["light_squeezenet.onnx"] = 66,
        ["light_zfnet512.onnx"] = 22,
        ["light_vgg19.onnx"] = 46,
        ["light_resnet50.onnx"] = 176,
        ["light_inception_v1.onnx"] = 143,
        ["light_inception_v2.onnx"] = 371,
        ["light_densenet121.onnx"] = 668,
        ["light_shufflenet.onnx"] = 203,
    };

    [Theory]
    [MemberData(nameof(CorpusModels))]
    public void Corpus_model_builds_a_graph_whose_weight_fills_get_no_position(string file)
    {
        var model = ReadResult.Of(Corpus.RequireModel(file)).Ok();
        var diagnostics = new DiagnosticBag();

        var graph = GraphBuilder.Build(model.Spec, model.Location, diagnostics);

        Assert.Empty(diagnostics.Items);
        Assert.NotNull(graph);
        Assert.Equal(CorpusRealOps[file], graph.PositionCount);
        Assert.All(graph.Nodes.Where(n => n.OpType == "ConstantOfShape"), n => Assert.True(n.IsWeight));
        Assert.All(graph.Nodes.Where(n => n.IsWeight), n => Assert.All(n.Spec.AllInputs,
            input => Assert.Contains(graph.Tensor(input).Kind, new[] { TensorKind.Initializer, TensorKind.Weight })));
        Assert.All(graph.Tensors.Where(t => t.Kind == TensorKind.Weight), t => Assert.True(graph.Nodes[t.Producer!.Value].IsWeight));
    }

    [Theory]
    [MemberData(nameof(GeneratedModels))]
    public void Generated_model_reads_and_builds_a_graph(string name)
    {
        string path = GeneratedModelCatalog.WriteTo(name, _folder.Path);
        var model = ReadResult.Of(path).Ok();
        var diagnostics = new DiagnosticBag();

        var graph = GraphBuilder.Build(model.Spec, model.Location, diagnostics);

        Assert.Empty(diagnostics.Items);
        Assert.NotNull(graph);
        Assert.True(graph.FileOrderWasTopological);
        Assert.Equal(Enumerable.Range(0, graph.PositionCount), graph.Order.Select(i => graph.Nodes[i].Position!.Value));
    }

    [Fact]
    public void Node_reading_a_tensor_nobody_produces_is_PC0110()
    {
        var builder = ModelRecipes.TwoBranchConcat().Node("Relu", ["typo_out"], ["z"], "dangling");

        var diagnostic = Assert.Single(Build(builder));

        Assert.Equal("PC0110", diagnostic.Code);
        Assert.Contains("node 'dangling' reads tensor 'typo_out'", diagnostic.Message);
        Assert.EndsWith("model.onnx", diagnostic.Location?.Path);
    }

    [Fact]
    public void Subgraph_reading_a_main_graph_tensor_defined_nowhere_is_not_an_outer_read()
    {
        // 'ghost' is read inside the branch but defined nowhere: it is the branch's problem, not an edge of the main graph.
        var then = new OnnxGraphBuilder("t").Node("Neg", ["ghost"], ["o"], "neg").Output("o", ElementType.Float32, 2);
        var builder = new OnnxModelBuilder().Input("x", ElementType.Float32, 2).Input("c", ElementType.Bool)
            .Node("If", ["c"], ["y"], "if", OnnxAttribute.Graph("then_branch", then), OnnxAttribute.Graph("else_branch", then))
            .Output("y", ElementType.Float32, 2);

        Assert.Empty(Build(builder));
    }

    [Fact]
    public void Cycle_is_PC0111_naming_its_nodes()
    {
        var builder = new OnnxModelBuilder().Input("x", ElementType.Float32, 4)
            .Node("Add", ["x", "c"], ["a"], "first")
            .Node("Relu", ["a"], ["b"], "second")
            .Node("Neg", ["b"], ["c"], "third")
            .Output("b", ElementType.Float32, 4);

        var diagnostic = Assert.Single(Build(builder));

        Assert.Equal("PC0111", diagnostic.Code);
        Assert.Contains("'first', 'second', 'third'", diagnostic.Message);
    }

    [Fact]
    public void Tensor_produced_twice_is_PC0112()
    {
        var builder = new OnnxModelBuilder().Input("x", ElementType.Float32, 4)
            .Node("Relu", ["x"], ["y"], "one").Node("Neg", ["x"], ["y"], "two").Output("y", ElementType.Float32, 4);

        var diagnostic = Assert.Single(Build(builder));

        Assert.Equal("PC0112", diagnostic.Code);
        Assert.Contains("tensor 'y' is produced twice (node 'one' and node 'two')", diagnostic.Message);
    }

    [Fact]
    public void Node_output_shadowing_a_graph_input_is_PC0112()
    {
        var builder = new OnnxModelBuilder().Input("x", ElementType.Float32, 4).Node("Relu", ["x"], ["x"], "self")
            .Output("x", ElementType.Float32, 4);

        Assert.Equal("PC0112", Assert.Single(Build(builder)).Code);
    }

    [Fact]
    public void Graph_output_nobody_produces_is_PC0113()
    {
        var builder = ModelRecipes.TwoBranchConcat().Output("missing", ElementType.Float32, 1);

        var diagnostic = Assert.Single(Build(builder));

        Assert.Equal("PC0113", diagnostic.Code);
        Assert.Contains("'missing'", diagnostic.Message);
    }

    [Fact]
    public void Graph_of_only_weight_producers_is_PC0114()
    {
        var builder = new OnnxModelBuilder().Node("Constant", [], ["c"], "c", OnnxAttribute.Tensor("value", [2], [1f, 2f]))
            .Output("c", ElementType.Float32, 2);

        Assert.Equal("PC0114", Assert.Single(Build(builder)).Code);
    }

    private IReadOnlyList<Diagnostic> Build(OnnxModelBuilder builder)
    {
        var model = ReadResult.Of(builder, _folder).Ok();
        var diagnostics = new DiagnosticBag();
        var graph = GraphBuilder.Build(model.Spec, model.Location, diagnostics);
        Assert.Equal(diagnostics.HasErrors, graph is null);
        return diagnostics.Items;
    }
}
