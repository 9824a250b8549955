using PartitionCompiler.Runtime.Pipeline;
using PartitionCompiler.Runtime.Plans;
using PartitionCompiler.Runtime.Sessions;
using PartitionCompiler.Runtime.Tests.Sessions;

namespace PartitionCompiler.Runtime.Tests.Pipeline;

/// <summary>
/// The runner moves data the way the plan's cut model says: relays through a middle device, a plan that comes back to
/// a device, input and output transfers, and a device using what it produced itself earlier.
/// </summary>
public sealed class CutModelRunnerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> Plans => ["relay", "return", "return-keeps", "source-and-sink"];

    [Theory]
    [MemberData(nameof(Plans))]
    public async Task Every_plan_shape_gives_the_whole_models_output_and_reports_every_transfer(string shape)
    {
        using var model = new ThreeStageModel();
        using var whole = new StageSession(ThreeStageModel.WholeFile, model.Folder.Path);
        PlanDescriptor plan = Plan(shape);
        using var runner = new PipelineRunner(plan, new PipelineRunnerOptions { StageFolder = model.Folder.Path });

        PipelineResult result = await runner.RunAsync([PipelineRunnerTests.Input(4)], Ct);

        StageSessionTests.AssertClose(whole.Run(PipelineRunnerTests.Input(4))[0].ToArray<float>(), result.Output("Y").ToArray<float>());
        Assert.Equal(
            plan.Transfers.Select(t => (t.Label, t.Link, t.Bytes, string.Join(",", t.Tensors))),
            result.Report.Transfers.Select(t => (t.Label, t.Link, t.Bytes, string.Join(",", t.Tensors))));
    }

    [Fact]
    public async Task Input_and_output_transfers_appear_in_the_report_table()
    {
        using var model = new ThreeStageModel();
        using var runner = new PipelineRunner(ThreeStageModel.PlanWithSourceAndSink(), new PipelineRunnerOptions { StageFolder = model.Folder.Path });

        string first = (await runner.RunAsync([PipelineRunnerTests.Input(5)], Ct)).Report.ToTable();
        string table = (await runner.RunAsync([PipelineRunnerTests.Input(5)], Ct)).Report.ToTable();
        TestContext.Current.TestOutputHelper?.WriteLine(first);
        TestContext.Current.TestOutputHelper?.WriteLine(table);

        Assert.Contains("transfer input->0   sensor->edge", table, StringComparison.Ordinal);
        Assert.Contains("transfer 2->output  cloud->phone->sensor", table, StringComparison.Ordinal);
        Assert.Equal(1 + 3 + 4 + 1, table.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void A_device_that_is_only_relayed_through_does_not_hold_the_tensor()
    {
        // The route edge->phone->cloud passes the phone, but only the route's last device keeps what it carries.
        PlanDescriptor plan = ThreeStageModel.Plan() with
        {
            Transfers =
            [
                ThreeStageModel.Transfer(0, 2, ["edge", "phone", "cloud"], ["A"]),
                ThreeStageModel.Transfer(1, 2, ["phone", "cloud"], ["A", "B"]),
            ],
        };

        var error = Assert.Throws<ArgumentException>(() => new PipelineRunner(plan));

        Assert.Contains("stage 1 needs 'A', which device 'phone' does not hold", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("unheld", "transfer 1->2 sends 'X', which device 'phone' does not hold at that point")]
    [InlineData("skip-dropped", "stage 2 needs 'A', which device 'cloud' does not hold when the stage runs")]
    [InlineData("output-dropped", "graph output 'Y' does not reach the sink device 'sensor'")]
    [InlineData("wrong-route", "transfer 0->1 arrives at 'cloud', but stage 1 runs on 'phone'")]
    [InlineData("wrong-hops", "transfer 0->1: its hops do not follow its route 'edge->phone'")]
    [InlineData("two-inputs", "more than one input or output transfer")]
    [InlineData("backwards", "transfer 2->1 does not go to a later stage")]
    [InlineData("repeated", "two stages have index 0")]
    [InlineData("no-stage", "transfer input->output connects no stage")]
    public void Inconsistent_plans_are_refused_up_front(string problem, string message)
    {
        PlanDescriptor relay = ThreeStageModel.Plan();
        PlanDescriptor ends = ThreeStageModel.PlanWithSourceAndSink();
        PlanDescriptor plan = problem switch
        {
            "unheld" => relay with { Transfers = [relay.Transfers[0], ThreeStageModel.Transfer(1, 2, ["phone", "cloud"], ["X", "A", "B"])] },
            "skip-dropped" => relay with { Transfers = [relay.Transfers[0], ThreeStageModel.Transfer(1, 2, ["phone", "cloud"], ["B"])] },
            "output-dropped" => ends with { Transfers = [.. ends.Transfers.Take(3), ThreeStageModel.Transfer(2, null, ["cloud", "sensor"], [])] },
            "wrong-route" => relay with { Transfers = [relay.Transfers[0] with { Route = ["edge", "cloud"] }, relay.Transfers[1]] },
            "wrong-hops" => relay with { Transfers = [relay.Transfers[0] with { Hops = relay.Transfers[1].Hops }, relay.Transfers[1]] },
            "two-inputs" => ends with { Transfers = [ends.Transfers[0], .. ends.Transfers] },
            "backwards" => relay with { Transfers = [.. relay.Transfers, ThreeStageModel.Transfer(2, 1, ["cloud", "phone"], ["Y"])] },
            "repeated" => relay with { Stages = [.. relay.Stages, relay.Stages[0]] },
            _ => relay with { Transfers = [.. relay.Transfers, ThreeStageModel.Transfer(null, null, ["edge", "cloud"], ["X"])] },
        };

        var error = Assert.Throws<ArgumentException>(() => new PipelineRunner(plan));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_stage_files_are_refused_up_front()
    {
        using var model = new ThreeStageModel();
        PlanDescriptor plan = ThreeStageModel.Plan();
        PlanDescriptor missing = plan with { Stages = [plan.Stages[0] with { File = "edge/none.onnx" }, .. plan.Stages.Skip(1)] };

        Assert.Throws<FileNotFoundException>(() => new PipelineRunner(missing, new PipelineRunnerOptions { StageFolder = model.Folder.Path }));
    }

    private static PlanDescriptor Plan(string shape) => shape switch
    {
        "relay" => ThreeStageModel.Plan(),
        // edge -> phone -> edge: A rides to the phone and back, as the cut model has it.
        "return" => ThreeStageModel.Plan(devices: ["edge", "phone", "edge"]),
        // edge -> phone -> edge, but the edge keeps A for stage 2 instead of getting it back.
        "return-keeps" => ThreeStageModel.Plan(devices: ["edge", "phone", "edge"]) with
        {
            Transfers =
            [
                ThreeStageModel.Transfer(0, 1, ["edge", "phone"], ["A"]),
                ThreeStageModel.Transfer(1, 2, ["phone", "edge"], ["B"]),
            ],
        },
        _ => ThreeStageModel.PlanWithSourceAndSink(),
    };
}
