using PartitionCompiler.OnnxSplitter.Reading;
using PartitionCompiler.Partitioning.Diagnostics;

namespace PartitionCompiler.Partitioning.Tests.Costs;

/// <summary>Every corpus model gets a full static shape for every tensor, and costs that add up.</summary>
public sealed class CorpusCostTests(ITestOutputHelper output)
{
    public static TheoryData<string> CorpusModels => Corpus.Models;

    [Theory]
    [MemberData(nameof(CorpusModels))]
    public void Every_tensor_of_a_corpus_model_has_a_full_shape(string file)
    {
        string path = Corpus.RequireModel(file);
        var bag = new DiagnosticBag();
        var model = OnnxModelReader.Read(path, bag);
        Assert.True(model is not null, string.Join("\n", bag.Items));
        var (graph, types, costs) = ReferenceNetworkTests.Analyse(model!.Spec, model.Location, bag);

        Assert.Empty(types.Undecided);
        var partial = graph.Tensors.Where(t => types.TypeOf(t.Name)?.Shape is not { IsFullyKnown: true }).Select(t => t.Name).ToArray();
        Assert.True(partial.Length == 0, "no full shape for " + string.Join(", ", partial.Take(10)));
        Assert.Empty(costs.UnknownSizeTensors);

        // Every graph output has the shape the corpus README states, and the cut sums agree with the crossing sets.
        foreach (var value in model.Spec.Outputs)
        {
            Assert.Equal(value.Type!.Shape, types.TypeOf(value.Name)!.Shape);
        }

        foreach (var cut in costs.Cuts)
        {
            Assert.Equal(cut.Tensors.Sum(t => types.BytesOf(t)!.Value), cut.Bytes);
        }

        Assert.True(costs.TotalFlops > 0);
        output.WriteLine(FormattableString.Invariant(
            $"{file}: {graph.PositionCount} positions, {costs.TotalFlops / 1e9:F4} GFLOP, {costs.TotalParameterBytes} parameter bytes, max cut {costs.Cuts.Max(c => c.Bytes)} B"));
    }
}
