using PartitionCompiler.OnnxSplitter.Probing;
using PartitionCompiler.OnnxSplitter.Reading;
using PartitionCompiler.OnnxSplitter.Tests.Reading;
using PartitionCompiler.Partitioning.Diagnostics;
using PartitionCompiler.Partitioning.Graph;
using PartitionCompiler.Partitioning.Shapes;
using PartitionCompiler.TestSupport;

namespace PartitionCompiler.OnnxSplitter.Tests.Probing;

/// <summary>
/// Static shape inference agrees with ONNX Runtime: every node output of the main graph (weights included) is exposed
/// as a graph output, the model runs once on zeros, and each tensor's element type and shape must equal what static
/// inference decided. Tensors static inference leaves undecided are listed, and must be exactly the expected ones.
/// </summary>
public sealed class ShapeAgreementTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    public static TheoryData<string> CorpusModels => Corpus.Models;

    public static TheoryData<string> GeneratedModels => new(GeneratedModelCatalog.Names);

    /// <summary>Tensors no static rule can decide: the output of the If, and the Add that reads it (its rank follows from
    /// the If's). The Relu after it is a graph output whose declared shape decides it.</summary>
    private static readonly Dictionary<string, string[]> ExpectedUndecided = new()
    {
        ["with_if"] = ["branch_out", "add_out"],
    };

    [Theory]
    [MemberData(nameof(CorpusModels))]
    public void Corpus_model_shapes_agree_with_ONNX_Runtime(string file)
    {
        AssertAgreement(ReadResult.Of(Corpus.RequireModel(file)).Ok(), []);
    }

    [Theory]
    [MemberData(nameof(GeneratedModels))]
    public void Generated_model_shapes_agree_with_ONNX_Runtime(string name)
    {
        var model = ReadResult.Of(GeneratedModelCatalog.WriteTo(name, _folder.Path)).Ok();
        AssertAgreement(model, ExpectedUndecided.GetValueOrDefault(name, []));
    }

    private static void AssertAgreement(OnnxModel model, string[] expectedUndecided)
    {
        var diagnostics = new DiagnosticBag();
        var graph = GraphBuilder.Build(model.Spec, model.Location, diagnostics)!;
        var inferred = ShapeInference.Infer(graph, [], diagnostics, null, model.Location);
        Assert.Empty(diagnostics.Items);

        var produced = graph.Nodes.SelectMany(n => n.Spec.Outputs).Where(o => o.Length > 0).ToList();
        var runtime = OrtShapeProbe.Probe(model, produced, [], diagnostics);
        Assert.Empty(diagnostics.Items);
        Assert.NotNull(runtime);
        Assert.Equal(produced.Count, runtime.Count);

        var disagreements = new List<string>();
        foreach (string tensor in produced.Where(t => !inferred.IsUndecided(t)))
        {
            var expected = runtime[tensor];
            var actual = inferred.TypeOf(tensor);
            if (actual is null || actual.ElementType != expected.ElementType || actual.Shape != expected.Shape)
            {
                disagreements.Add($"{tensor}: inferred {actual?.ToString() ?? "nothing"}, ONNX Runtime {expected}");
            }
        }

        Assert.Empty(disagreements);
        Assert.Equal(expectedUndecided, inferred.Undecided);
    }
}
