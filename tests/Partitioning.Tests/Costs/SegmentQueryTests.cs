using PartitionCompiler.Partitioning.Costs;
using PartitionCompiler.Partitioning.Graph;
using PartitionCompiler.Partitioning.Shapes;
using PartitionCompiler.Partitioning.Tests.Shapes;

namespace PartitionCompiler.Partitioning.Tests.Costs;

/// <summary>The fast cut and segment queries against the definitions, evaluated directly, on random DAGs.</summary>
public sealed class SegmentQueryTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    public void Queries_match_brute_force_on_random_graphs(int seed)
    {
        var random = new Random(seed);
        int count = random.Next(3, 14);
        var builder = new SpecBuilder().Input("in0", 1, random.Next(1, 5)).Input("in1", 1, random.Next(1, 5));
        var available = new List<string> { "in0", "in1" };
        for (int w = 0; w < 3; w++)
        {
            builder.Weight($"w{w}", 1, random.Next(1, 6));
        }

        for (int i = 0; i < count; i++)
        {
            var inputs = Enumerable.Range(0, random.Next(1, 3)).Select(_ => available[random.Next(available.Count)]).ToList();
            if (random.Next(3) == 0)
            {
                inputs.Add($"w{random.Next(3)}");
            }

            builder.Node("Concat", [.. inputs], [$"t{i}"], Attr.Int("axis", 1));
            available.Add($"t{i}");
        }

        var outputs = available.Skip(2).Where(_ => random.Next(3) == 0).Append($"t{count - 1}").Distinct().ToArray();
        var (types, bag, graph) = builder.Output(outputs).Infer();
        Assert.Empty(bag.Items);
        var costs = CostModel.Compute(graph, types);

        for (int k = -1; k < count; k++)
        {
            var crossing = graph.Tensors.Where(t => t.Kind is TensorKind.GraphInput or TensorKind.Activation
                && graph.AvailableAt(t) <= k && t.Consumers.Any(c => graph.Nodes[c].Position > k)).Select(t => t.Name).ToHashSet();
            Assert.Equal(crossing.Order(StringComparer.Ordinal), costs.Cuts[k + 1].Tensors.Order(StringComparer.Ordinal));
            Assert.Equal(crossing.Sum(t => types.BytesOf(t)!.Value), costs.CutBytes(k));
        }

        for (int first = 0; first < count; first++)
        {
            for (int last = first; last < count; last++)
            {
                Assert.Equal(BrutePeak(graph, types, first, last), costs.SegmentPeakActivationBytes(first, last));
                Assert.Equal(BruteParameters(graph, types, first, last), costs.SegmentParameterBytes(first, last));
            }
        }
    }

    private static long BrutePeak(OperatorGraph graph, InferredTypes types, int first, int last)
    {
        long peak = 0;
        for (int p = first; p <= last; p++)
        {
            long live = 0;
            foreach (var t in graph.Tensors.Where(t => t.Kind is TensorKind.GraphInput or TensorKind.Activation))
            {
                int a = graph.AvailableAt(t);
                int u = t.Consumers.Select(c => graph.Nodes[c].Position!.Value).DefaultIfEmpty(a).Max();
                bool spans = a <= p && p <= u;
                bool heldOutput = t.IsGraphOutput && t.Kind == TensorKind.Activation && first <= a && a <= p;
                if (spans || heldOutput)
                {
                    live += types.BytesOf(t.Name)!.Value;
                }
            }

            peak = Math.Max(peak, live);
        }

        return peak;
    }

    private static long BruteParameters(OperatorGraph graph, InferredTypes types, int first, int last) =>
        Enumerable.Range(first, last - first + 1)
            .SelectMany(p => graph.NodeAt(p).Spec.AllInputs)
            .Where(name => graph.Tensor(name).Kind is TensorKind.Initializer or TensorKind.Weight)
            .Distinct()
            .Sum(name => types.BytesOf(name)!.Value);
}
