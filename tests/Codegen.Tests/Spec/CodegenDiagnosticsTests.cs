using PartitionCompiler.Codegen.Spec;
using PartitionCompiler.Partitioning.Collections;
using PartitionCompiler.Partitioning.Diagnostics;
using PartitionCompiler.Partitioning.Plan;

namespace PartitionCompiler.Codegen.Tests.Spec;

/// <summary>One test per code generation diagnostic (PC0460-PC0463), and one per cut-model rule of PC0463.</summary>
public sealed class CodegenDiagnosticsTests
{
    private static readonly SourceLocation PlanFile = new("detector.plan.json");

    [Theory]
    [InlineData("My-App")]
    [InlineData("")]
    [InlineData("MyApp..Partitions")]
    [InlineData("MyApp.class")]
    [InlineData("1App")]
    [InlineData("global.App")]
    public void PC0460_invalid_namespace(string namespaceName)
    {
        Diagnostic diagnostic = Assert.Single(Build(TestPlans.ThreeDevices(), namespaceName: namespaceName).Diagnostics);

        Assert.Equal("PC0460", diagnostic.Code);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Null(diagnostic.Location);
    }

    [Theory]
    [InlineData("1Plan", "has a character")]
    [InlineData("class", "keyword")]
    [InlineData("Detector Plan", "has a character")]
    [InlineData("", "empty")]
    public void PC0461_invalid_class_name(string className, string reason)
    {
        Diagnostic diagnostic = Assert.Single(Build(TestPlans.ThreeDevices(), className: className).Diagnostics);

        Assert.Equal("PC0461", diagnostic.Code);
        Assert.Contains(reason, diagnostic.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("str")]
    [InlineData("complex64")]
    [InlineData("float8_e4m3fn")]
    [InlineData("no-such-type")]
    public void PC0462_element_type_code_cannot_carry(string type)
    {
        PartitionPlan plan = WithStage(TestPlans.ThreeDevices(), 2, s => s with
        {
            Outputs = EquatableArray.Create(PlanTensor.Output("probs", type, TestPlans.Dims(1, 10), TestPlans.Stages(), true)),
        });

        Diagnostic diagnostic = Assert.Single(Build(plan).Diagnostics);

        Assert.Equal("PC0462", diagnostic.Code);
        Assert.Equal(PlanFile, diagnostic.Location);
        Assert.Contains("stage 2 tensor 'probs'", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PC0463_transfer_sends_a_tensor_its_device_does_not_hold()
    {
        PartitionPlan plan = WithTransfer(TestPlans.ThreeDevices(), 0, t => t with { Tensors = TestPlans.Names("scale", "features", "onnx::Gather_42", "ghost") });

        AssertInconsistent(plan, "transfer 0->1 sends 'ghost', which 'glasses' does not hold after stage 0");
    }

    [Fact]
    public void PC0463_stage_input_that_no_transfer_brings()
    {
        // The graph input 'scale' is on the glasses (the source); stage 1 on the phone needs transfer 0->1 to relay it.
        PartitionPlan plan = WithTransfer(TestPlans.ThreeDevices(), 0, t => t with { Tensors = TestPlans.Names("features", "onnx::Gather_42") });

        AssertInconsistent(plan, "stage 1 input 'scale' is not on 'phone' when the stage runs: transfer 0->1 does not bring it and 'phone' has not kept it");
    }

    [Fact]
    public void PC0463_skip_tensor_that_is_not_relayed()
    {
        // onnx::Gather_42 goes from stage 0 to stage 2: it must ride through the phone in transfer 1->2 too.
        PartitionPlan plan = WithTransfer(TestPlans.ThreeDevices(), 1, t => t with { Tensors = TestPlans.Names("embedding", "aux_score") });

        AssertInconsistent(plan, "stage 2 input 'onnx::Gather_42' is not on 'cloud' when the stage runs");
    }

    [Fact]
    public void PC0463_graph_output_left_behind()
    {
        PartitionPlan plan = WithTransfer(TestPlans.ThreeDevices(), 1, t => t with { Tensors = TestPlans.Names("onnx::Gather_42", "embedding") });

        AssertInconsistent(plan, "graph output 'aux_score' is not on 'cloud', where the plan ends");
    }

    [Fact]
    public void PC0463_transfer_that_skips_a_stage()
    {
        PartitionPlan plan = TestPlans.ThreeDevices();
        plan = plan with { Transfers = EquatableArray.Create(plan.Transfers[0], plan.Transfers[1] with { FromStage = 0, Route = TestPlans.Names("glasses", "phone", "relay", "cloud") }) };

        Assert.Contains(
            Build(plan).Diagnostics,
            d => d.Code == "PC0463" && d.Message.Contains("transfer 0->2 does not cross one cut: a transfer goes from a stage to the next one, and stage 0's next is 1", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("input->1", "transfer input->1 brings the graph inputs to stage 1, but the first stage is 0")]
    [InlineData("0->output", "transfer 0->output takes the graph outputs from stage 0, but the last stage is 2")]
    [InlineData("2->output", "transfer 2->output goes to the sink, but the manifest names none")]
    [InlineData("input->output", "transfer input->output connects no stage")]
    public void PC0463_input_and_output_transfers_must_fit_the_plans_ends(string ends, string problem)
    {
        PartitionPlan plan = TestPlans.ThreeDevices();
        PlanTransfer extra = ends switch
        {
            "input->1" => new PlanTransfer(null, 1, TestPlans.Names("glasses", "phone"), "glasses->phone", TestPlans.Names("scale"), 4, 1, 0),
            "0->output" => new PlanTransfer(0, null, TestPlans.Names("glasses", "phone"), "glasses->phone", TestPlans.Names(), 0, 1, 0),
            "2->output" => new PlanTransfer(2, null, TestPlans.Names("cloud"), "cloud", TestPlans.Names("probs"), 40, 1, 0),
            _ => new PlanTransfer(null, null, TestPlans.Names("glasses", "phone"), "glasses->phone", TestPlans.Names(), 0, 1, 0),
        };

        Assert.Contains(Build(plan with { Transfers = plan.Transfers.Append(extra).ToEquatableArray() }).Diagnostics, d => d.Code == "PC0463" && d.Message.Contains(problem, StringComparison.Ordinal));
    }

    [Fact]
    public void PC0463_input_transfer_not_from_the_source()
    {
        // The manifest's source is the glasses; a transfer of the graph inputs must leave from there.
        PartitionPlan plan = TestPlans.ThreeDevices();
        plan = plan with
        {
            Transfers = plan.Transfers.Prepend(new PlanTransfer(null, 0, TestPlans.Names("phone", "glasses"), "phone->glasses", TestPlans.Names("images", "scale"), 0, 1, 0)).ToEquatableArray(),
        };

        AssertInconsistent(plan, "transfer input->0 has route 'phone->glasses', which does not lead from 'glasses' to 'glasses'");
    }

    [Fact]
    public void PC0463_input_transfer_sends_what_is_not_a_graph_input()
    {
        PartitionPlan plan = TestPlans.ThreeDevices();
        var manifest = TestPlans.ThreeDevicesManifest() with { Source = "phone" };
        plan = plan with
        {
            Transfers = plan.Transfers.Prepend(new PlanTransfer(null, 0, TestPlans.Names("phone", "glasses"), "phone->glasses", TestPlans.Names("images", "scale", "features"), 0, 1, 0)).ToEquatableArray(),
        };

        Diagnostic diagnostic = Assert.Single(CodegenSpecBuilder.Build(plan, manifest, "MyApp.Partitions", "DetectorPlan", PlanFile).Diagnostics);

        Assert.Contains("transfer input->0 sends 'features', which is not a graph input", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PC0463_plan_that_stops_short_of_the_sink()
    {
        var result = CodegenSpecBuilder.Build(TestPlans.ThreeDevices(), TestPlans.ThreeDevicesManifest() with { Sink = "glasses" }, "MyApp.Partitions", "DetectorPlan", PlanFile);

        Diagnostic diagnostic = Assert.Single(result.Diagnostics);
        Assert.Contains("the plan ends on 'cloud', but the manifest's sink is 'glasses' and no transfer takes the graph outputs there", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PC0463_one_tensor_with_two_element_types()
    {
        PartitionPlan plan = WithStage(TestPlans.ThreeDevices(), 2, s => s with
        {
            Inputs = EquatableArray.Create(s.Inputs[0], PlanTensor.Input("onnx::Gather_42", "int32", TestPlans.Dims(1, 16), 0)),
        });

        AssertInconsistent(plan, "tensor 'onnx::Gather_42' is int64 in stage 0 but int32 in stage 2");
    }

    [Fact]
    public void PC0463_transfer_crosses_a_link_the_manifest_lacks()
    {
        PartitionPlan plan = TestPlans.ThreeDevices();
        plan = plan with { Transfers = EquatableArray.Create(plan.Transfers[0], plan.Transfers[1] with { Route = TestPlans.Names("phone", "cloud") }) };

        AssertInconsistent(plan, "transfer 1->2 crosses 'phone->cloud', which is not a link of the manifest");
    }

    [Fact]
    public void PC0463_stage_on_an_undeclared_device()
    {
        PartitionPlan plan = WithStage(TestPlans.ThreeDevices(), 2, s => s with { Device = "tv\n" });

        Diagnostic[] diagnostics = [.. Build(plan).Diagnostics];

        Assert.All(diagnostics, d => Assert.Equal("PC0463", d.Code));
        Assert.Contains(diagnostics, d => d.Message.Contains("stage 2 runs on device 'tv\\u000A', which the manifest does not declare", StringComparison.Ordinal));
    }

    [Fact]
    public void PC0463_repeated_stage_index()
    {
        PartitionPlan plan = WithStage(TestPlans.ThreeDevices(), 2, s => s with { Index = 1 });

        Assert.Contains(Build(plan).Diagnostics, d => d.Code == "PC0463" && d.Message.Contains("two stages have index 1", StringComparison.Ordinal));
    }

    [Fact]
    public void PC0463_input_from_a_later_stage()
    {
        PartitionPlan plan = WithStage(TestPlans.ThreeDevices(), 0, s => s with
        {
            Inputs = EquatableArray.Create(PlanTensor.Input("images", "float32", TestPlans.Dims(1, 3, 32, 32), 2)),
        });

        AssertInconsistent(plan, "stage 0 input 'images' comes from stage 2, which is missing or does not run earlier");
    }

    [Fact]
    public void PC0463_transfer_listed_twice()
    {
        PartitionPlan plan = TestPlans.ThreeDevices();
        plan = plan with { Transfers = EquatableArray.Create(plan.Transfers[0], plan.Transfers[0], plan.Transfers[1]) };

        AssertInconsistent(plan, "the plan lists transfer 0->1 twice");
    }

    [Fact]
    public void PC0463_tensor_listed_twice_in_a_stage()
    {
        PartitionPlan plan = WithStage(TestPlans.ThreeDevices(), 2, s => s with { Outputs = EquatableArray.Create(s.Outputs[0], s.Outputs[0]) });

        AssertInconsistent(plan, "stage 2 lists output 'probs' twice");
    }

    [Fact]
    public void Messages_stay_on_one_line_whatever_the_names()
    {
        PartitionPlan plan = WithStage(TestPlans.ThreeDevices(), 2, s => s with
        {
            Outputs = EquatableArray.Create(PlanTensor.Output("a\nb\u2028c", "str\r\n", TestPlans.Dims(1), TestPlans.Stages(), true)),
        });

        Diagnostic diagnostic = Assert.Single(Build(plan).Diagnostics);

        Assert.DoesNotContain(diagnostic.ToCanonicalString(), c => c is '\n' or '\r' or '\u2028');
    }

    private static void AssertInconsistent(PartitionPlan plan, string problem)
    {
        Diagnostic diagnostic = Assert.Single(Build(plan).Diagnostics);

        Assert.Equal("PC0463", diagnostic.Code);
        Assert.Equal(PlanFile, diagnostic.Location);
        Assert.Contains(problem, diagnostic.Message, StringComparison.Ordinal);
    }

    private static CodegenSpecResult Build(PartitionPlan plan, string namespaceName = "MyApp.Partitions", string className = "DetectorPlan")
    {
        var result = CodegenSpecBuilder.Build(plan, TestPlans.ThreeDevicesManifest(), namespaceName, className, PlanFile);
        Assert.Equal(result.Diagnostics.Any(d => d.IsError), !result.Succeeded);
        return result;
    }

    private static PartitionPlan WithTransfer(PartitionPlan plan, int index, Func<PlanTransfer, PlanTransfer> change) =>
        plan with { Transfers = plan.Transfers.Select((t, i) => i == index ? change(t) : t).ToEquatableArray() };

    private static PartitionPlan WithStage(PartitionPlan plan, int index, Func<PlanStage, PlanStage> change) =>
        plan with { Stages = plan.Stages.Select(s => s.Index == index ? change(s) : s).ToEquatableArray() };
}
