using PartitionCompiler.OnnxSplitter.Proto;
using PartitionCompiler.OnnxSplitter.Tests.SubModels;
using PartitionCompiler.OnnxSplitter.Verification;
using PartitionCompiler.Partitioning.Collections;
using PartitionCompiler.Partitioning.Diagnostics;
using PartitionCompiler.Partitioning.Graph;
using PartitionCompiler.TestSupport;
using PartitionCompiler.TestSupport.Partitions;

namespace PartitionCompiler.OnnxSplitter.Tests.Verification;

/// <summary>
/// Hostile or damaged inputs to the proof (plans, stage files, models): each gives its PC04xx diagnostic at the plan
/// line it concerns, never an exception. The residual block is cut after relu1: stage 1 receives relu1_out and x.
/// </summary>
public sealed class VerifyDiagnosticsTests : IDisposable
{
    private readonly PlanFolder _folder = PlanFolder.Create(ModelRecipes.ResidualBlock(), 2);

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void The_untouched_folder_verifies()
    {
        var (report, diagnostics) = _folder.Verify();

        Assert.True(report is { Passed: true }, Stages.Describe(diagnostics));
        Assert.Empty(diagnostics.Items);
        Assert.Equal([0, 1], report!.Stages.Select(s => s.Stage));
        Assert.Equal(-1, report.Original.Stage);
    }

    [Fact]
    public void A_missing_plan_file_is_PC0415()
    {
        File.Delete(_folder.PlanPath);

        var diagnostic = Fails("PC0415");

        Assert.Equal(_folder.PlanPath, diagnostic.Location?.Path);
    }

    [Fact]
    public void A_damaged_plan_file_is_the_plan_reader_s_PC0500()
    {
        File.WriteAllText(_folder.PlanPath, "{ \"formatVersion\": 1, ");

        Fails("PC0500");
    }

    [Fact]
    public void A_model_changed_since_the_plan_is_PC0406_at_the_model_hash()
    {
        ModelRecipes.ResidualBlock(seed: 99).WriteTo(_folder.ModelPath);

        var diagnostic = Fails("PC0406");

        Assert.Equal(_folder.LineOf("$.model.sha256"), diagnostic.Location?.Line);
    }

    [Fact]
    public void A_node_the_model_lacks_is_PC0400()
    {
        _folder.EditPlanStage(1, s => s with { Nodes = s.Nodes.Append("conv7").ToEquatableArray() });

        var diagnostic = Fails("PC0400");

        Assert.Equal(_folder.LineOf($"$.stages[1].nodes[{_folder.Plan.Stages[1].Nodes.Count - 1}]"), diagnostic.Location?.Line);
    }

    [Fact]
    public void A_graph_output_no_stage_delivers_is_PC0408()
    {
        _folder.EditPlanStage(1, s => s with { Outputs = EquatableArray<Partitioning.Plan.PlanTensor>.Empty });

        Fails("PC0408");
    }

    [Fact]
    public void An_input_from_a_stage_that_does_not_send_it_is_PC0409_at_its_from()
    {
        _folder.EditPlanStage(1, s => s with { Inputs = s.Inputs.Select(i => i.Name == "x" ? i with { FromStage = 0 } : i).ToEquatableArray() });

        var diagnostic = Fails("PC0409");

        Assert.Equal(_folder.LineOf("$.stages[1].inputs[1].from"), diagnostic.Location?.Line);
        Assert.Contains("stage 1 receives 'x' from stage 0, which does not list it among its outputs", diagnostic.Message);
    }

    [Fact]
    public void A_missing_stage_file_is_PC0410_at_its_file()
    {
        File.Delete(_folder.StagePath(1));

        var diagnostic = Fails("PC0410");

        Assert.Equal(_folder.LineOf("$.stages[1].file"), diagnostic.Location?.Line);
    }

    [Fact]
    public void Stage_files_are_looked_for_under_the_stages_root()
    {
        string elsewhere = Path.Combine(_folder.Root, "elsewhere");

        var (_, diagnostics) = _folder.Verify(stages: elsewhere);

        Assert.Equal(["PC0410", "PC0410"], diagnostics.Items.Select(d => d.Code));
        Assert.All(diagnostics.Items, d => Assert.Contains(elsewhere, d.Message));
    }

    [Fact]
    public void A_tampered_stage_file_is_PC0411_at_its_sha256()
    {
        byte[] bytes = File.ReadAllBytes(_folder.StagePath(0));
        bytes[^1] ^= 0x01;
        File.WriteAllBytes(_folder.StagePath(0), bytes);

        var diagnostic = Fails("PC0411");

        Assert.Equal(_folder.LineOf("$.stages[0].sha256"), diagnostic.Location?.Line);
    }

    [Fact]
    public void A_missing_or_tampered_external_data_file_is_PC0410_or_PC0411_at_its_data_hash()
    {
        using var folder = PlanFolder.Create(ModelRecipes.WithExternalData(), 1);
        string data = folder.StagePath(1) + ".data";
        Assert.NotNull(folder.Plan.Stages[1].DataSha256);
        byte[] bytes = File.ReadAllBytes(data);
        bytes[0] ^= 0x01;
        File.WriteAllBytes(data, bytes);

        var (report, diagnostics) = folder.Verify();

        Assert.Null(report);
        var changed = Assert.Single(diagnostics.Items);
        Assert.Equal("PC0411", changed.Code);
        Assert.Equal(folder.LineOf("$.stages[1].dataSha256"), changed.Location?.Line);
        Assert.Contains("data file", changed.Message);

        File.Delete(data);
        (report, diagnostics) = folder.Verify();

        Assert.Null(report);
        Assert.Equal("PC0410", Assert.Single(diagnostics.Items).Code);
    }

    [Fact]
    public void A_stage_file_ONNX_Runtime_cannot_load_is_PC0412()
    {
        _folder.ReplaceStageBytes(1, "not an onnx model"u8.ToArray());

        var diagnostic = Fails("PC0412");

        Assert.Contains("stage 1", diagnostic.Message);
    }

    [Fact]
    public void A_model_ONNX_Runtime_cannot_run_on_the_random_input_is_PC0413()
    {
        // Ids are drawn from [0, 8), but the table has 4 rows.
        var builder = new OnnxModelBuilder(41).Named("lookup").Input("ids", ElementType.Int64, 1, 3)
            .Weight("table", 4, 5)
            .Node("Gather", ["table", "ids"], ["rows"], "gather")
            .Node("Relu", ["rows"], ["y"], "relu")
            .Output("y", ElementType.Float32, 1, 3, 5);
        using var folder = PlanFolder.Create(builder, 0);

        var (report, diagnostics) = folder.Verify();

        Assert.Null(report);
        var diagnostic = Assert.Single(diagnostics.Items);
        Assert.Equal("PC0413", diagnostic.Code);
        Assert.Contains("the original model", diagnostic.Message);
    }

    [Fact]
    public void A_graph_input_without_random_values_is_PC0414()
    {
        var builder = new OnnxModelBuilder(42).Named("text").Input("s", ElementType.String, 1, 2)
            .Node("Identity", ["s"], ["a"], "first")
            .Node("Identity", ["a"], ["b"], "second")
            .Output("b", ElementType.String, 1, 2);
        using var folder = PlanFolder.Create(builder, 0);

        var (report, diagnostics) = folder.Verify();

        Assert.Null(report);
        Assert.Equal("PC0414", Assert.Single(diagnostics.Items).Code);
    }

    [Fact]
    public void A_stage_fed_the_wrong_tensor_is_PC0420_at_the_output_it_spoils()
    {
        // conv2 now reads the skip tensor and the Add reads relu1's output: the shapes fit, the numbers do not.
        _folder.RewriteStage(1, model =>
        {
            var conv2 = model.Graph.Node.Single(n => n.Name == "conv2");
            var add = model.Graph.Node.Single(n => n.Name == "add");
            conv2.Input[0] = "x";
            add.Input[1] = "relu1_out";
        });

        var (report, diagnostics) = _folder.Verify();

        Assert.NotNull(report);
        Assert.False(report!.Passed);
        var diagnostic = Assert.Single(diagnostics.Items);
        Assert.Equal("PC0420", diagnostic.Code);
        Assert.Equal(_folder.LineOf("$.stages[1].outputs[0].name"), diagnostic.Location?.Line);
        Assert.StartsWith("tensor 'y' (stage 1 -> output) differs from the original", diagnostic.Message);
        var y = report.Tensors.Single(t => t.Name == "y");
        Assert.False(y.Passed);
        Assert.True(y.MaxAbs > 1e-6 + (1e-5 * y.MaxRef));
        Assert.True(report.Tensors.Single(t => t.Name == "relu1_out").Passed);
    }

    [Fact]
    public void NaN_where_the_original_has_numbers_is_PC0421()
    {
        _folder.RewriteStage(0, model => model.Graph.Node.Single(n => n.Name == "relu1").OpType = "Log");

        var (report, diagnostics) = _folder.Verify(new VerificationOptions { Runs = 1 });

        Assert.False(report!.Passed);
        var diagnostic = diagnostics.Items.First(d => d.Code == "PC0421");
        Assert.Equal(_folder.LineOf("$.stages[0].outputs[0].name"), diagnostic.Location?.Line);
        Assert.Contains("'relu1_out'", diagnostic.Message);
    }

    [Fact]
    public void A_result_of_another_shape_is_PC0422()
    {
        _folder.RewriteStage(1, model =>
        {
            var relu = model.Graph.Node.Single(n => n.Name == "relu2");
            relu.Output[0] = "y_4d";
            var flatten = new NodeProto { Name = "flatten", OpType = "Flatten" };
            flatten.Input.Add("y_4d");
            flatten.Output.Add("y");
            model.Graph.Node.Add(flatten);
            model.Graph.Output.Single(o => o.Name == "y").Type.TensorType.Shape = null;
        });

        var (report, diagnostics) = _folder.Verify(new VerificationOptions { Runs = 1 });

        Assert.False(report!.Passed);
        var diagnostic = Assert.Single(diagnostics.Items);
        Assert.Equal("PC0422", diagnostic.Code);
        Assert.Contains("is float32[1,200704], but the original's is float32[1,64,56,56]", diagnostic.Message);
    }

    private Diagnostic Fails(string code)
    {
        var (report, diagnostics) = _folder.Verify();
        Assert.Null(report);
        var diagnostic = Assert.Single(diagnostics.Items);
        Assert.Equal(code, diagnostic.Code);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        return diagnostic;
    }
}
