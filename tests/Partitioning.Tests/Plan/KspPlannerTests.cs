using CsCheck;
using PartitionCompiler.Partitioning.Collections;
using PartitionCompiler.Partitioning.Manifest;
using PartitionCompiler.Partitioning.Plan;
using PartitionCompiler.Partitioning.Solver;
using PartitionCompiler.Partitioning.Tests.Solver;

namespace PartitionCompiler.Partitioning.Tests.Plan;

public sealed class KspPlannerTests
{
    [Fact]
    public void PlanGraph_cuts_match_the_cut_definition_on_random_models()
    {
        Gen.Select(Gen.Int[1, 15], Gen.Int).Sample((n, seed) =>
        {
            var model = ToyModel.Random(new Random(seed), n);
            var cuts = model.ToPlanGraph().Cuts();
            Assert.Equal(n + 1, cuts.Count);
            for (int k = -1; k < n; k++)
            {
                var expected = model.Cut(k);
                Assert.Equal(expected.Bytes, cuts[k + 1].Bytes);
                Assert.Equal(expected.Tensors.Order(StringComparer.Ordinal), cuts[k + 1].Tensors.Order(StringComparer.Ordinal));
            }
        }, iter: 200, threads: 1);
    }

    [Fact]
    public void Stages_transfers_and_predictions_agree_with_each_other_on_random_models()
    {
        Gen.Select(Gen.Int[1, 12], Gen.Int[2, 3], Gen.Bool, Gen.Int).Sample((n, devices, sink, seed) =>
        {
            var request = RandomRequest(n, devices, sink, seed, k: 4);
            var result = KspPlanner.Plan(request);
            if (result.Plan is null)
            {
                Assert.True(result.HasErrors);
                return;
            }

            var plan = result.Plan;
            var graph = request.Graph;
            Assert.Equal(n, plan.Model.Nodes);
            Assert.Equal(result.Solution.Plans.Length - 1, plan.Alternatives.Count);

            // Every positioned node appears in exactly one stage, in position order.
            var positioned = plan.Stages.SelectMany(s => s.Nodes.Where(k => k.StartsWith("node", StringComparison.Ordinal))).ToList();
            Assert.Equal(graph.Positions.Select(p => p.Key), positioned);

            // Each stage carries the weight producers its nodes need, before its nodes.
            foreach (var stage in plan.Stages)
            {
                var keys = stage.Nodes.ToList();
                var needed = graph.Positions.Where(p => keys.Contains(p.Key)).SelectMany(p => p.WeightNodes).Distinct().Order(StringComparer.Ordinal);
                Assert.Equal(needed, keys.Where(k => k.StartsWith('w')).Order(StringComparer.Ordinal));
                Assert.Equal(stage.Index, plan.Stages.ToList().IndexOf(stage));
                Assert.Equal($"{stage.Device}/toy.stage{stage.Index}.onnx", stage.File);
            }

            // Stage inputs come from earlier stages (or the graph input), and those stages list them as outputs to here.
            foreach (var stage in plan.Stages)
            {
                foreach (var input in stage.Inputs)
                {
                    if (input.FromStage is int from)
                    {
                        Assert.True(from < stage.Index);
                        Assert.Contains(plan.Stages[from].Outputs, o => o.Name == input.Name && o.ToStages.Contains(stage.Index));
                    }
                    else
                    {
                        Assert.Equal("input", input.Name);
                    }
                }
            }

            // Graph outputs leave the plan.
            foreach (string output in graph.GraphOutputs)
            {
                Assert.Contains(plan.Stages.SelectMany(s => s.Outputs), o => o.Name == output && o.ToOutput);
            }

            // The prediction is the sum of stage and transfer times and energies.
            double ms = plan.Stages.Sum(s => s.PredictedMs) + plan.Transfers.Sum(t => t.PredictedMs);
            double joules = plan.Stages.Sum(s => s.EnergyJ) + plan.Transfers.Sum(t => t.EnergyJ);
            Assert.Equal(ms, plan.Predicted.LatencyMs, 6);
            Assert.Equal(joules, plan.Predicted.EnergyJ, 6);
            foreach (var transfer in plan.Transfers)
            {
                Assert.Equal(string.Join("->", transfer.Route), transfer.Link);
                if (transfer.FromStage is int from)
                {
                    Assert.Equal(plan.Stages[from].Device, transfer.Route[0]);
                }

                if (transfer.ToStage is int to)
                {
                    Assert.Equal(plan.Stages[to].Device, transfer.Route[^1]);
                }
            }
        }, iter: 150, threads: 1);
    }

    [Fact]
    public void Same_inputs_twice_give_identical_plan_bytes()
    {
        var first = PlanJsonWriter.Write(KspPlanner.Plan(RandomRequest(10, 3, sink: true, seed: 7, k: 5, memory: false)).Plan!);
        var second = PlanJsonWriter.Write(KspPlanner.Plan(RandomRequest(10, 3, sink: true, seed: 7, k: 5, memory: false)).Plan!);

        Assert.Equal(first, second);
    }

    [Fact]
    public void Three_device_chain_produces_the_expected_stages_and_transfers()
    {
        // glasses computes slowly, phone fast; graph input on glasses, output needed on cloud.
        var graph = new PlanGraph(
            Enumerable.Range(0, 3).Select(p => new PlanGraphNode($"n{p}", 100, EquatableArray.Create(p == 0 ? "x" : $"y{p - 1}"), EquatableArray.Create($"y{p}"), EquatableArray<string>.Empty)).ToEquatableArray(),
            new[] { "x", "y0", "y1", "y2" }.Select(t => new PlanGraphTensor(t, "float32", EquatableArray.Create(1L, 250L), 1000)).ToEquatableArray(),
            EquatableArray.Create("x"),
            EquatableArray.Create("y2"),
            EquatableArray<string>.Empty);
        var devices = EquatableArray.Create(new ProblemDevice("glasses", null, 1), new ProblemDevice("phone", null, 2), new ProblemDevice("cloud", null, 10));
        var seconds = new double[] { 1, 1, 1, 0.1, 0.1, 0.1, 0.5, 0.5, 0.5 };
        var problem = new PartitionProblem(
            3,
            EquatableArray.Create("n0", "n1", "n2"),
            devices,
            EquatableArray.Create(new ProblemLink(0, 1, 1e4, 0.01, 0.5), new ProblemLink(1, 2, 1e4, 0.02, 0.5)),
            seconds.ToEquatableArray(),
            seconds.Select((s, i) => s * devices[i / 3].PowerWatts).ToEquatableArray(),
            graph.Cuts(),
            0,
            2,
            ObjectiveSpec.Latency,
            new ZeroMemory());

        var plan = KspPlanner.Plan(new PlanRequest(problem, graph, "models/chain.onnx", "ab", "cd", 3)).Plan!;

        Assert.Equal("phone", Assert.Single(plan.Stages).Device);
        Assert.Equal(["n0", "n1", "n2"], plan.Stages[0].Nodes);
        Assert.Equal(2, plan.Transfers.Count);
        Assert.Null(plan.Transfers[0].FromStage);
        Assert.Equal(0, plan.Transfers[0].ToStage);
        Assert.Equal("glasses->phone", plan.Transfers[0].Link);
        Assert.Equal(["x"], plan.Transfers[0].Tensors);
        Assert.Equal("phone->cloud", plan.Transfers[1].Link);
        Assert.Null(plan.Transfers[1].ToStage);
        Assert.Equal(110, plan.Transfers[0].PredictedMs, 9); // 10 ms latency + 1000 B / 10 kB/s
        Assert.Equal(300 + 110 + 120, plan.Predicted.LatencyMs, 9);
        Assert.Equal(2, plan.Alternatives.Count);
        Assert.Null(Assert.Single(plan.Stages[0].Inputs).FromStage);
        Assert.True(Assert.Single(plan.Stages[0].Outputs).ToOutput);
    }

    internal static PlanRequest RandomRequest(int n, int devices, bool sink, int seed, int k, bool memory = true)
    {
        var random = new Random(seed);
        var model = ToyModel.Random(random, n);
        var problem = model.RandomProblem(random, devices, ObjectiveSpec.Latency, sink, withMemory: memory) with { Cuts = model.ToPlanGraph().Cuts() };
        return new PlanRequest(problem, model.ToPlanGraph(), "models/toy.onnx", new string('a', 64), new string('b', 64), k);
    }

    private sealed class ZeroMemory : ISegmentMemory
    {
        public SegmentMemory Measure(int first, int last) => default;
    }
}
