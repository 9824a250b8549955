using PartitionCompiler.Runtime.Pipeline;
using PartitionCompiler.Runtime.Plans;
using PartitionCompiler.Runtime.Sessions;
using PartitionCompiler.Runtime.Tensors;
using PartitionCompiler.Runtime.Tests.Sessions;
using PartitionCompiler.Runtime.Transport;

namespace PartitionCompiler.Runtime.Tests.Pipeline;

public sealed class PipelineRunnerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    internal static NamedTensor Input(int seed)
    {
        var rng = new Random(seed);
        return NamedTensor.Create("X", [.. Enumerable.Range(0, 8).Select(_ => (float)(rng.NextDouble() * 4 - 2))], ThreeStageModel.InputShape);
    }

    [Fact]
    public async Task The_runner_output_equals_the_whole_model_run_by_onnx_runtime()
    {
        using var model = new ThreeStageModel();
        using var whole = new StageSession(ThreeStageModel.WholeFile, model.Folder.Path);
        using var runner = new PipelineRunner(ThreeStageModel.Plan(), new PipelineRunnerOptions { StageFolder = model.Folder.Path });

        for (int seed = 0; seed < 5; seed++)
        {
            PipelineResult result = await runner.RunAsync([Input(seed)], Ct);

            NamedTensor y = Assert.Single(result.Outputs);
            Assert.Equal("Y", y.Name);
            StageSessionTests.AssertClose(whole.Run(Input(seed))[0].ToArray<float>(), result.Output("Y").ToArray<float>());
        }
    }

    [Fact]
    public async Task The_report_lists_every_stage_and_transfer_with_bytes_and_predictions()
    {
        using var model = new ThreeStageModel();
        PlanDescriptor plan = ThreeStageModel.Plan();
        using var runner = new PipelineRunner(plan, new PipelineRunnerOptions { StageFolder = model.Folder.Path });

        PipelineReport first = (await runner.RunAsync([Input(1)], Ct)).Report;
        PipelineReport report = (await runner.RunAsync([Input(1)], Ct)).Report;
        TestContext.Current.TestOutputHelper?.WriteLine(first.ToTable());

        Assert.Equal([0, 1, 2], report.Stages.Select(s => s.Index));
        Assert.Equal(["edge", "phone", "cloud"], report.Stages.Select(s => s.Device));
        Assert.Equal(plan.Stages.Select(s => s.PredictedMs), report.Stages.Select(s => s.PredictedMs));
        Assert.Equal([(0, 1), (1, 2)], report.Transfers.Select(t => (t.FromStage!.Value, t.ToStage!.Value)));
        Assert.Equal(plan.Transfers.Select(t => t.Bytes), report.Transfers.Select(t => t.Bytes));
        Assert.Equal(plan.Transfers.Select(t => t.PredictedMs), report.Transfers.Select(t => t.PredictedMs));
        Assert.Equal(["A", "B"], report.Transfers[1].Tensors);
        Assert.All(report.Stages, s => Assert.True(s.MeasuredMs > 0));
        string table = report.ToTable();
        TestContext.Current.TestOutputHelper?.WriteLine(table);
        Assert.Equal(1 + 3 + 2 + 1, table.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains("transfer 1->2  phone->cloud", table, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", table, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Throttled_transfers_take_at_least_their_hops_time()
    {
        using var model = new ThreeStageModel();
        // 24 bytes of A at 2400 B/s = 10 ms + 30 ms latency per hop; the output transfer has two hops.
        PlanDescriptor plan = ThreeStageModel.PlanWithSourceAndSink(rate: 2400, latency: 0.030);
        using var runner = new PipelineRunner(plan, new PipelineRunnerOptions { StageFolder = model.Folder.Path, Throttle = true });

        PipelineResult result = await runner.RunAsync([Input(2)], Ct);

        Assert.Equal(plan.Transfers.Count, result.Report.Transfers.Count);
        foreach ((TransferTiming timing, TransferDescriptor transfer) in result.Report.Transfers.Zip(plan.Transfers))
        {
            double minimum = ThrottledTransport.DelayFor(timing.Bytes, transfer.Hops).TotalMilliseconds;
            Assert.True(timing.MeasuredMs >= minimum, $"Transfer {timing.Label} took {timing.MeasuredMs} ms < {minimum} ms.");
        }

        Assert.True(result.Report.Transfers[^1].MeasuredMs >= 2 * (30 + (40 / 2.4)));
    }

    [Fact]
    public async Task Missing_or_mistyped_graph_inputs_are_argument_errors()
    {
        using var model = new ThreeStageModel();
        using var runner = new PipelineRunner(ThreeStageModel.Plan(), new PipelineRunnerOptions { StageFolder = model.Folder.Path });

        await Assert.ThrowsAsync<ArgumentException>(async () => await runner.RunAsync([], Ct));
        await Assert.ThrowsAsync<ArgumentException>(async () => await runner.RunAsync([NamedTensor.Create("X", new int[8], 2, 4)], Ct));
    }

    [Fact]
    public void The_descriptor_derives_graph_inputs_outputs_source_and_sink()
    {
        PlanDescriptor plan = ThreeStageModel.Plan();
        PlanDescriptor withEnds = ThreeStageModel.PlanWithSourceAndSink();

        Assert.Equal(["X"], plan.GraphInputs.Select(i => i.Name));
        Assert.Equal(["Y"], plan.GraphOutputs.Select(o => o.Name));
        Assert.Equal("phone", plan.Stage(1).Device);
        Assert.Throws<KeyNotFoundException>(() => plan.Stage(7));
        Assert.Equal(("edge", "cloud"), (plan.SourceDevice, plan.SinkDevice));
        Assert.Equal(("sensor", "sensor"), (withEnds.SourceDevice, withEnds.SinkDevice));
        Assert.Equal(["input->0", "0->1", "1->2", "2->output"], withEnds.Transfers.Select(t => t.Label));
        Assert.True(withEnds.Transfers[0].IsInput && withEnds.Transfers[^1].IsOutput);
    }
}
