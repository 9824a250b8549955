using System.Reflection;
using PartitionCompiler.Codegen.Emit;
using PartitionCompiler.Codegen.Spec;
using PartitionCompiler.Partitioning.Plan;
using PartitionCompiler.Runtime.Pipeline;
using PartitionCompiler.Runtime.Plans;
using PartitionCompiler.Runtime.Sessions;
using PartitionCompiler.Runtime.Tensors;

namespace PartitionCompiler.Codegen.Tests.CutModel;

/// <summary>
/// Real plans of the cut model, end to end: the solver plans <see cref="ResidualSplit"/>'s model, the sub-model builder
/// writes the stage files, the code generator writes the C#, which is compiled in memory with an app
/// (<see cref="CutModelDrivers"/>). The app's stage-by-stage run and the runtime's <see cref="PipelineRunner"/> on the
/// generated descriptor must both give the whole model's outputs, and the runner must move exactly the plan's transfers.
/// </summary>
public sealed class CutModelEndToEndTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_skip_tensor_relays_through_the_middle_device()
    {
        using var split = ResidualSplit.Relay();
        PartitionPlan plan = split.Plan;

        Assert.Equal(["glasses", "phone", "cloud"], plan.Stages.Select(s => s.Device));
        Assert.Equal(["0->1", "1->2"], plan.Transfers.Select(Label));
        // A is made in stage 0 and read in stage 2, so it crosses both cuts; the phone reads it too.
        Assert.Contains(plan.Stages[2].Inputs, i => i is { Name: "A", FromStage: 0 });
        Assert.DoesNotContain(plan.Stages[1].Outputs, o => o.Name == "A");
        Assert.Equal(["S", "A", "Aux"], plan.Transfers[0].Tensors);
        Assert.Equal(["S", "A", "Aux", "B"], plan.Transfers[1].Tensors);

        List<string> log = await AssertRunsAsync(split, "RelayPlan", CutModelDrivers.Relay);

        Assert.Equal(["phone: S,A,Aux", "cloud: S,A,Aux,B #3"], log);
    }

    [Fact]
    public async Task A_plan_that_comes_back_to_a_device_gets_its_tensors_back()
    {
        using var split = ResidualSplit.Return();
        PartitionPlan plan = split.Plan;

        Assert.Equal(["glasses", "phone", "glasses"], plan.Stages.Select(s => s.Device));
        Assert.Equal(["glasses->phone", "phone->glasses"], plan.Transfers.Select(t => t.Link));

        List<string> log = await AssertRunsAsync(split, "ReturnPlan", CutModelDrivers.Return);

        Assert.Equal(["phone: S,A,Aux", "glasses: S,A,Aux,B #3"], log);
    }

    [Fact]
    public async Task A_device_may_use_what_it_kept_instead_of_getting_it_back()
    {
        // A hand-edited return plan: the phone gets only A and sends back only B; the glasses keep S, A and Aux.
        using var solved = ResidualSplit.Return();
        ResidualSplit split = solved.WithTransfers((0, 1, ["A"]), (1, 2, ["B"]));
        CodegenSpec spec = Spec(split, "KeepsPlan");

        Assert.Equal(
            [new HolderSpec(HolderKind.Arrival, 0, "stage0Arrival"), new HolderSpec(HolderKind.Outputs, 0, "stage0Outputs")],
            spec.Stages[2].Arrival.Holders);
        Assert.Equal([new HolderSpec(HolderKind.Outputs, 0, "stage0Outputs")], spec.Stages[2].Collect!.Holders);

        List<string> log = await AssertRunsAsync(split, "KeepsPlan", CutModelDrivers.Keeps);

        Assert.Equal(["phone: A", "glasses: B"], log);
    }

    [Fact]
    public async Task Input_and_output_transfers_connect_a_source_and_a_sink_that_run_no_stage()
    {
        using var split = ResidualSplit.SourceAndSink();
        PartitionPlan plan = split.Plan;

        Assert.Equal(["phone", "cloud"], plan.Stages.Select(s => s.Device));
        Assert.Equal(["input->0", "0->1", "1->output"], plan.Transfers.Select(Label));
        Assert.Equal(["glasses->phone", "phone->cloud", "cloud->phone->glasses"], plan.Transfers.Select(t => t.Link));
        Assert.Equal(["S", "X"], plan.Transfers[0].Tensors);
        Assert.Equal(["Aux", "Y"], plan.Transfers[2].Tensors);

        List<string> log = await AssertRunsAsync(split, "EndsPlan", CutModelDrivers.SourceAndSink);

        Assert.Equal(["phone: S,X", "cloud: S,A,Aux,H2 #3"], log);
    }

    private static async Task<List<string>> AssertRunsAsync(ResidualSplit split, string className, string driver)
    {
        IReadOnlyList<GeneratedFile> files = StubEmitter.Emit(Spec(split, className));
        Assert.Empty(GeneratedCodeCompiler.Problems(GeneratedCodeCompiler.Compile(files, strict: true)));
        var compilation = GeneratedCodeCompiler.Compile(files, strict: false, driver);
        Assert.Empty(GeneratedCodeCompiler.Problems(compilation));
        Assembly assembly = GeneratedCodeCompiler.Load(compilation);
        var rng = new Random(17);
        float[] x = [.. Enumerable.Range(0, ResidualSplit.Batch * ResidualSplit.In).Select(_ => (float)((rng.NextDouble() * 2) - 1))];
        float[] s = [.. Enumerable.Range(0, ResidualSplit.Batch * ResidualSplit.Width).Select(_ => (float)(rng.NextDouble() + 0.5))];
        NamedTensor[] inputs = [NamedTensor.Create("X", x, ResidualSplit.Batch, ResidualSplit.In), NamedTensor.Create("S", s, ResidualSplit.Batch, ResidualSplit.Width)];
        IReadOnlyList<NamedTensor> whole;
        using (var session = new StageSession(ResidualSplit.WholeFile, split.Folder.Path))
        {
            whole = session.Run(inputs);
        }

        // Stage by stage, through the generated glue.
        var log = new List<string>();
        MethodInfo stages = assembly.GetType("Residual.Driver.Program", throwOnError: true)!.GetMethod("StagesAsync")!;
        var glued = await (Task<IReadOnlyList<NamedTensor>>)stages.Invoke(null, [split.Folder.Path, x, s, log])!;
        AssertSameOutputs(whole, glued);

        // All stages in the runtime's runner, from the generated descriptor.
        var descriptor = (PlanDescriptor)assembly.GetType("Residual.Partitions." + className, throwOnError: true)!.GetProperty("Descriptor")!.GetValue(null)!;
        using var runner = new PipelineRunner(descriptor, new PipelineRunnerOptions { StageFolder = split.Folder.Path });
        PipelineResult result = await runner.RunAsync(inputs, Ct);
        AssertSameOutputs(whole, result.Outputs);
        Assert.Equal(
            split.Plan.Transfers.Select(t => (Label(t), t.Link, t.Bytes, string.Join(",", t.Tensors))),
            result.Report.Transfers.Select(t => (t.Label, t.Link, t.Bytes, string.Join(",", t.Tensors))));
        TestContext.Current.TestOutputHelper?.WriteLine(result.Report.ToTable());
        return log;
    }

    private static CodegenSpec Spec(ResidualSplit split, string className)
    {
        CodegenSpecResult result = CodegenSpecBuilder.Build(split.Plan, split.Manifest, "Residual.Partitions", className);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Empty(result.Diagnostics);
        return result.Spec!;
    }

    private static void AssertSameOutputs(IReadOnlyList<NamedTensor> whole, IReadOnlyList<NamedTensor> split)
    {
        Assert.Equal(whole.Select(t => t.Name).Order(StringComparer.Ordinal), split.Select(t => t.Name).Order(StringComparer.Ordinal));
        foreach (NamedTensor expected in whole)
        {
            float[] want = expected.ToArray<float>();
            float[] got = split.Single(t => t.Name == expected.Name).ToArray<float>();
            Assert.Equal(want.Length, got.Length);
            Assert.Contains(want, v => v != 0);
            for (int i = 0; i < want.Length; i++)
            {
                Assert.True(Math.Abs(want[i] - got[i]) <= 1e-5 * Math.Max(Math.Abs(want[i]), 1e-3), $"{expected.Name}[{i}]: whole {want[i]}, split {got[i]}");
            }
        }
    }

    private static string Label(PlanTransfer transfer) => TransferSpec.Describe(transfer.FromStage, transfer.ToStage);
}
