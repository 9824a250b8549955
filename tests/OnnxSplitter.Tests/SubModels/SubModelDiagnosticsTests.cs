using System.Text;
using PartitionCompiler.OnnxSplitter.SubModels;
using PartitionCompiler.Partitioning.Collections;
using PartitionCompiler.Partitioning.Diagnostics;
using PartitionCompiler.Partitioning.Plan;
using PartitionCompiler.TestSupport;

namespace PartitionCompiler.OnnxSplitter.Tests.SubModels;

/// <summary>
/// Plans that do not fit the model: each is a PC04xx diagnostic pointing at the offending value's line and column in the
/// plan file, never an exception, and nothing is built.
/// </summary>
public sealed class SubModelDiagnosticsTests
{
    private const string PlanPath = "block.plan.json";

    private readonly OnnxSplitter.Reading.OnnxModel _model = Stages.Read(ModelRecipes.ResidualBlock(), "block.onnx");

    private PartitionPlan Plan => Stages.Plan(_model, 2);

    [Fact]
    public void A_node_the_model_lacks_is_PC0400_at_its_line()
    {
        var plan = EditStage(Plan, 1, s => s with { Nodes = s.Nodes.Append("conv9").ToEquatableArray() });

        var diagnostic = Single(plan, "PC0400");

        Assert.Equal(At(plan, "\"conv9\""), (diagnostic.Location!.Line, diagnostic.Location.Column));
        Assert.Contains("stage 1 names node 'conv9'", diagnostic.Message);
    }

    [Fact]
    public void A_tensor_the_model_lacks_is_PC0401_at_its_line()
    {
        var plan = EditStage(Plan, 1, s => s with { Inputs = s.Inputs.Append(PlanTensor.Input("ghost", "float32", new long[] { 1 }, 0)).ToEquatableArray() });

        var diagnostic = Single(plan, "PC0401");

        Assert.Equal(At(plan, "\"ghost\"").Line, diagnostic.Location!.Line);
        Assert.Contains("input 'ghost', which the model does not have", diagnostic.Message);
    }

    [Fact]
    public void A_weight_listed_as_a_stage_output_is_PC0401()
    {
        var plan = EditStage(Plan, 0, s => s with { Outputs = s.Outputs.Append(PlanTensor.Output("conv1.weight", "float32", new long[] { 64, 64, 3, 3 }, new[] { 1 }, false)).ToEquatableArray() });

        var diagnostic = Single(plan, "PC0401");

        Assert.Contains("is a weight of the model", diagnostic.Message);
        Assert.Equal(At(plan, "\"conv1.weight\"").Line, diagnostic.Location!.Line);
    }

    [Fact]
    public void A_stage_that_reads_a_tensor_it_does_not_receive_is_PC0402_at_the_reading_node()
    {
        var plan = EditStage(Plan, 1, s => s with { Inputs = s.Inputs.Where(i => i.Name != "x").ToEquatableArray() });

        var diagnostic = Single(plan, "PC0402");

        Assert.Equal(At(plan, "\"add\""), (diagnostic.Location!.Line, diagnostic.Location.Column));
        Assert.Contains("node 'add' reads tensor 'x'", diagnostic.Message);
    }

    [Fact]
    public void An_output_the_stage_does_not_produce_is_PC0403()
    {
        var plan = EditStage(Plan, 0, s => s with { Outputs = s.Outputs.Append(PlanTensor.Output("y", "float32", new long[] { 1, 64, 56, 56 }, EquatableArray<int>.Empty, true)).ToEquatableArray() });

        var diagnostic = Single(plan, "PC0403");

        Assert.Equal(At(plan, "\"y\"").Line, diagnostic.Location!.Line);
    }

    [Theory]
    [InlineData("float99", 1L)]
    [InlineData("float32", -1L)]
    public void A_stage_tensor_without_a_usable_type_is_PC0404(string type, long dim)
    {
        var plan = EditStage(Plan, 1, s => s with { Inputs = s.Inputs.Select(i => i.Name == "x" ? i with { Type = type, Shape = new[] { 1, dim } } : i).ToEquatableArray() });

        var diagnostic = Single(plan, "PC0404");

        Assert.Equal(At(plan, type == "float32" ? "\"shape\"" : "\"type\"", after: "\"x\"", stage: 1).Line, diagnostic.Location!.Line);
    }

    [Theory]
    [InlineData("up/down")]
    [InlineData("..")]
    [InlineData("con")]
    [InlineData("tail. ")]
    public void A_device_name_that_cannot_be_a_folder_is_PC0405_at_the_device(string device)
    {
        var plan = EditStage(Plan, 1, s => s with { Device = device });

        var diagnostic = Single(plan, "PC0405");

        Assert.Equal(At(plan, "\"device\"", stage: 1).Line, diagnostic.Location!.Line);
        Assert.Contains($"device name '{device}'", diagnostic.Message);
    }

    [Theory]
    [InlineData("../outside.onnx")]
    [InlineData("/abs/stage.onnx")]
    [InlineData("d1/stage.txt")]
    [InlineData("d0/block.stage0.onnx")]
    public void A_file_path_outside_the_root_or_used_twice_is_PC0405_at_the_file(string file)
    {
        var plan = EditStage(Plan, 0, s => s with { File = "d0/block.stage0.onnx" });
        plan = EditStage(plan, 1, s => s with { File = file });

        var diagnostic = Single(plan, "PC0405");

        Assert.Equal(At(plan, "\"file\"", stage: 1).Line, diagnostic.Location!.Line);
    }

    [Fact]
    public void Every_problem_of_a_plan_is_reported_not_just_the_first()
    {
        var plan = EditStage(Plan, 0, s => s with { Nodes = s.Nodes.Append("nope").ToEquatableArray() });
        plan = EditStage(plan, 1, s => s with { Device = "a:b" });
        var diagnostics = new DiagnosticBag();

        Assert.Null(SubModelBuilder.Build(_model, plan, diagnostics, Locator(plan)));

        Assert.Equal(["PC0405", "PC0400"], diagnostics.Items.Select(d => d.Code));
    }

    private Diagnostic Single(PartitionPlan plan, string code)
    {
        var diagnostics = new DiagnosticBag();
        var set = SubModelBuilder.Build(_model, plan, diagnostics, Locator(plan));
        Assert.Null(set);
        var diagnostic = Assert.Single(diagnostics.Items);
        Assert.Equal(code, diagnostic.Code);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(PlanPath, diagnostic.Location?.Path);
        return diagnostic;
    }

    private static PlanJsonLocator Locator(PartitionPlan plan) => PlanJsonLocator.FromJson(PlanPath, PlanJsonWriter.Write(plan));

    private static PartitionPlan EditStage(PartitionPlan plan, int stage, Func<PlanStage, PlanStage> edit) =>
        plan with { Stages = plan.Stages.Select((s, i) => i == stage ? edit(s) : s).ToEquatableArray() };

    /// <summary>Line and column (1-based) of the first <paramref name="text"/> inside stage <paramref name="stage"/>'s object (after <paramref name="after"/>).</summary>
    private static (int Line, int Column) At(PartitionPlan plan, string text, string? after = null, int? stage = null)
    {
        string json = Encoding.UTF8.GetString(PlanJsonWriter.Write(plan));
        int from = 0;
        if (stage is int s)
        {
            from = json.IndexOf($"\"index\": {s},", StringComparison.Ordinal);
        }

        if (after is not null)
        {
            from = json.IndexOf(after, from, StringComparison.Ordinal);
        }

        int offset = json.IndexOf(text, from, StringComparison.Ordinal);
        Assert.True(offset >= 0, $"'{text}' is not in the plan");
        int lineStart = json.LastIndexOf('\n', offset) + 1;
        return (json[..offset].Count(c => c == '\n') + 1, offset - lineStart + 1);
    }
}
