using PartitionCompiler.Partitioning.Plan;
using PartitionCompiler.Partitioning.Profiles;
using PartitionCompiler.Partitioning.Tests.Solver;

namespace PartitionCompiler.Partitioning.Tests.Plan;

public sealed class KspPlannerPipelineTests
{
    private static PlanningResult PlanToy(int? k = null)
    {
        var (graph, types, costs) = PartitionProblemBuilderTests.Model();
        return KspPlanner.Plan(new KspPlanInputs(
            graph,
            types,
            costs,
            PartitionProblemBuilderTests.ParseManifest(),
            new Dictionary<string, DeviceProfile>(),
            "models/toy.onnx",
            new string('1', 64),
            new string('2', 64),
            k));
    }

    [Fact]
    public void Graph_costs_and_manifest_in_give_a_consistent_plan_out()
    {
        var result = PlanToy();

        Assert.Empty(result.Diagnostics);
        var plan = result.Plan!;
        Assert.Equal(5, plan.Model.Nodes);
        Assert.Equal("latency", plan.Objective);
        Assert.Equal(2, plan.Alternatives.Count); // the manifest asks for 3 plans
        var allNodes = plan.Stages.SelectMany(s => s.Nodes).Where(k => k != "w0c").ToList();
        Assert.Equal(["a", "b", "c", "s", "y"], allNodes);
        var withConv = plan.Stages.Single(s => s.Nodes.Contains("a"));
        Assert.Equal("w0c", withConv.Nodes[0]);

        // The phone is 1000 times faster and the link is quick: everything runs on the phone, x is sent over.
        var stage = Assert.Single(plan.Stages);
        Assert.Equal("phone", stage.Device);
        Assert.Equal("phone/toy.stage0.onnx", stage.File);
        var input = Assert.Single(stage.Inputs);
        Assert.Equal(("x", "float32"), (input.Name, input.Type));
        Assert.Equal([1L, 3, 8, 8], input.Shape);
        var output = Assert.Single(stage.Outputs);
        Assert.True(output.ToOutput);
        var transfer = Assert.Single(plan.Transfers);
        Assert.Equal("glasses->phone", transfer.Link);
        Assert.Equal(768, transfer.Bytes);
        Assert.Equal(1 + (768 / 1e3), transfer.PredictedMs, 9);
        Assert.Equal(0.5 * (0.001 + (768 / 1e6)), transfer.EnergyJ, 12);
        Assert.Equal(stage.PredictedMs + transfer.PredictedMs, plan.Predicted.LatencyMs, 9);
    }

    [Fact]
    public void Alternatives_override_and_determinism()
    {
        var first = PlanToy(k: 6);
        var second = PlanToy(k: 6);

        Assert.Equal(5, first.Plan!.Alternatives.Count);
        Assert.Equal(PlanJsonWriter.Write(first.Plan), PlanJsonWriter.Write(second.Plan!));
        Assert.True(first.Plan.Alternatives.Select(a => a.Objective).SequenceEqual(first.Plan.Alternatives.Select(a => a.Objective).Order()));
    }
}
