using System.Collections.Immutable;
using PartitionCompiler.Partitioning.Collections;
using PartitionCompiler.Partitioning.Costs;
using PartitionCompiler.Partitioning.Diagnostics;
using PartitionCompiler.Partitioning.Graph;
using PartitionCompiler.Partitioning.Manifest;
using PartitionCompiler.Partitioning.Plan;
using PartitionCompiler.Partitioning.Profiles;
using PartitionCompiler.Partitioning.Shapes;
using PartitionCompiler.Partitioning.Solver;
using PartitionCompiler.Partitioning.Tests.Shapes;

namespace PartitionCompiler.Partitioning.Tests.Solver;

public sealed class PartitionProblemBuilderTests
{
    internal const string Manifest = """
        {
          "devices": [
            { "name": "glasses", "compute": "1 MFLOP/s", "memory": "1 MiB", "power": "2 W" },
            { "name": "phone", "compute": "1 GFLOP/s", "power": "4 W" }
          ],
          "links": [ { "from": "glasses", "to": "phone", "bandwidth": 1000000, "latency": "1 ms", "power": "0.5 W", "bidirectional": true } ],
          "source": "glasses",
          "sink": "phone",
          "alternatives": 3
        }
        """;

    /// <summary>
    /// x [1,3,8,8] -> p0 a = Conv(x, w0c from a Constant node) -> p1 b = Relu -> p2 c = Conv3x3(b, w1) -> p3 s = Add(c, a)
    /// -> p4 y = GlobalAveragePool (graph output). a, b, c, s: [1,4,8,8] = 1024 B; x 768 B; y 16 B.
    /// </summary>
    internal static (OperatorGraph Graph, InferredTypes Types, GraphCosts Costs) Model()
    {
        var builder = new SpecBuilder()
            .Input("x", 1, 3, 8, 8).Weight("w1", 4, 4, 3, 3)
            .Node("Constant", [], ["w0c"], Attr.Tensor("value", ConstantTensor.FromReals(ElementType.Float32, [4, 3, 1, 1], new double[12])))
            .Node("Conv", ["x", "w0c"], ["a"])
            .Node("Relu", ["a"], ["b"])
            .Node("Conv", ["b", "w1"], ["c"], Attr.Ints("pads", 1, 1, 1, 1))
            .Node("Add", ["c", "a"], ["s"])
            .Node("GlobalAveragePool", ["s"], ["y"])
            .Output("y");
        var (types, bag, graph) = builder.Infer();
        Assert.Empty(bag.Items);
        return (graph, types, CostModel.Compute(graph, types));
    }

    internal static DeviceManifest ParseManifest()
    {
        var bag = new DiagnosticBag();
        var manifest = ManifestParser.Parse(Manifest, "toy.devices.json", bag);
        Assert.True(manifest is not null, string.Join("\n", bag.Items));
        return manifest!;
    }

    [Fact]
    public void Plan_graph_lists_weight_producers_per_node_and_sends_graph_outputs_to_the_sink()
    {
        var (graph, types, costs) = Model();

        var planGraph = PlanGraphFactory.FromGraph(graph, types, costs);

        Assert.Equal(["a", "b", "c", "s", "y"], planGraph.Positions.Select(p => p.Key));
        Assert.Equal(["w0c"], planGraph.Positions[0].WeightNodes);
        Assert.Empty(planGraph.Positions[2].WeightNodes);
        Assert.Equal(["x"], planGraph.Positions[0].Inputs);
        var cuts = planGraph.Cuts();
        Assert.Equal(["x"], cuts[0].Tensors);
        Assert.Equal(["a", "c"], cuts[3].Tensors);
        Assert.Equal(2048, cuts[3].Bytes);
        Assert.Equal(["y"], cuts[5].Tensors);
        Assert.Equal(16, cuts[5].Bytes);
    }

    [Fact]
    public void Profiled_nodes_by_key_replace_flops_and_segments_spread_by_flops()
    {
        var (graph, types, costs) = Model();
        var planGraph = PlanGraphFactory.FromGraph(graph, types, costs);
        var manifest = ParseManifest();
        var location = new SourceLocation("phone.profile.json", 1, 1);
        var profile = new DeviceProfile(
            "phone",
            "00",
            ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, new Dictionary<string, NodeTiming>
            {
                ["c"] = new(0.4, null, null),
                ["y"] = new(0.05, null, null),
            }),
            EquatableArray.Create(new SegmentTiming("b", "s", 1.0)),
            location);

        var problem = PartitionProblemBuilder.Build(planGraph, costs, manifest, new Dictionary<string, DeviceProfile> { ["phone"] = profile });

        int n = problem.PositionCount;
        double[] flops = [.. planGraph.Positions.Select(p => p.Flops)];
        for (int p = 0; p < n; p++)
        {
            Assert.Equal(flops[p] / 1e6, problem.ComputeSeconds[p], 12);
            Assert.Equal(2 * flops[p] / 1e6, problem.ComputeEnergy[p], 12);
        }

        // phone: 'a' from FLOPs; 'b' and 's' share 1.0 - 0.4 in proportion to their FLOPs (256 each); 'c', 'y' profiled.
        Assert.Equal(256, flops[1]);
        Assert.Equal(256, flops[3]);
        double[] phone = [flops[0] / 1e9, 0.3, 0.4, 0.3, 0.05];
        for (int p = 0; p < n; p++)
        {
            Assert.Equal(phone[p], problem.ComputeSeconds[n + p], 12);
            Assert.Equal(4 * phone[p], problem.ComputeEnergy[n + p], 12);
        }

        Assert.Equal(2, problem.Links.Count);
        Assert.Equal(0, problem.Source);
        Assert.Equal(1, problem.Sink);
        Assert.Equal(1024 * 1024, problem.Devices[0].MemoryBytes);
        Assert.Equal(costs.SegmentParameterBytes(0, 2) + costs.SegmentPeakActivationBytes(0, 2), problem.Memory.Measure(0, 2).Total);
    }
}
