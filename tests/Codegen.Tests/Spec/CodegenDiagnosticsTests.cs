using PartitionCompiler.Codegen.Spec;
using PartitionCompiler.Partitioning.Collections;
using PartitionCompiler.Partitioning.Diagnostics;
using PartitionCompiler.Partitioning.Plan;

namespace PartitionCompiler.Codegen.Tests.Spec;

/// <summary>One test per code generation diagnostic (PC0460-PC0463).</summary>
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
    public void PC0463_transfer_moves_a_tensor_its_stage_does_not_output()
    {
        PartitionPlan plan = TestPlans.ThreeDevices();
        plan = plan with { Transfers = EquatableArray.Create(plan.Transfers[0] with { Tensors = TestPlans.Names("features", "ghost") }, plan.Transfers[1]) };

        Diagnostic[] diagnostics = [.. Build(plan).Diagnostics];

        Assert.Equal(["PC0463", "PC0463"], diagnostics.Select(d => d.Code));
        Assert.Contains("transfer 0->1 moves 'ghost', which stage 0 does not output", diagnostics[0].Message, StringComparison.Ordinal);
        Assert.Contains("transfer 0->1 moves 'ghost', which stage 1 does not take as input", diagnostics[1].Message, StringComparison.Ordinal);
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

    private static PartitionPlan WithStage(PartitionPlan plan, int index, Func<PlanStage, PlanStage> change) =>
        plan with { Stages = plan.Stages.Select(s => s.Index == index ? change(s) : s).ToEquatableArray() };
}
