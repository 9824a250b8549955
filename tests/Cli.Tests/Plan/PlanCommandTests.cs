using System.Text;
using PartitionCompiler.Cli.Output;
using PartitionCompiler.Partitioning.Graph;
using PartitionCompiler.Partitioning.Plan;
using PartitionCompiler.TestSupport;

namespace PartitionCompiler.Cli.Tests.Plan;

/// <summary><c>partc plan</c>: where files go, what they hold, the outputs list, write-if-changed and the options.</summary>
public sealed class PlanCommandTests : IDisposable
{
    private readonly PlanWorkspace _work = new();

    public void Dispose() => _work.Dispose();

    /// <summary>A project: <c>models/detector.onnx</c> (a SqueezeNet 1.1 structure) and <c>detector.devices.json</c> beside it.</summary>
    private string Project(string? manifestText = null)
    {
        _work.WriteModel("models/detector.onnx", ModelRecipes.SqueezeNet11(WeightStyle.ConstantOfShape));
        return _work.Write("detector.devices.json", manifestText ?? PlanManifests.Rig("models/detector.onnx"));
    }

    [Fact]
    public void Help_lists_every_option_of_the_contract()
    {
        var result = Partc.Run("plan", "--help");

        Assert.Equal(0, result.ExitCode);
        foreach (string option in new[] { "MANIFEST", "--model", "--out", "--plan", "--stages", "--generated", "--namespace", "--class-name",
            "--mode", "--outputs-list", "-k, --alternatives", "--strategy", "--input", "--verify", "--json" })
        {
            Assert.Contains(option, result.Stdout);
        }
    }

    [Fact]
    public void Plan_goes_beside_the_manifest_and_stage_models_under_device_folders()
    {
        string manifest = Project();

        var result = PlanWorkspace.Plan(manifest);

        Assert.Equal((0, ""), (result.ExitCode, result.Stderr));
        var plan = PlanWorkspace.ReadPlan(_work.File("detector.plan.json"));
        Assert.Equal("models/detector.onnx", plan.Model.Path);
        Assert.Equal(PlanWorkspace.Sha256(_work.File("models/detector.onnx")), plan.Model.Sha256);
        Assert.True(plan.Stages.Count >= 2, $"expected a split, got {plan.Stages.Count} stage(s)");
        foreach (var stage in plan.Stages)
        {
            Assert.Equal($"{stage.Device}/detector.stage{stage.Index}.onnx", stage.File);
            string file = _work.File(stage.File);
            Assert.True(File.Exists(file), file);
            Assert.Equal(PlanWorkspace.Sha256(file), stage.Sha256);
            Assert.Null(stage.DataSha256);
        }

        Assert.Contains("detector.plan.json (written)", result.Stdout);
        Assert.Contains(result.Stdout.Split('\n'), l => l.Contains("glasses/detector.stage0.onnx"));
    }

    [Fact]
    public void Out_folder_holds_the_plan_and_the_stage_models_and_the_model_path_is_relative_to_the_plan()
    {
        string manifest = Project();

        var result = PlanWorkspace.Plan(manifest, "--out", _work.File("out"));

        Assert.Equal(0, result.ExitCode);
        Assert.False(File.Exists(_work.File("detector.plan.json")));
        var plan = PlanWorkspace.ReadPlan(_work.File("out/detector.plan.json"));
        Assert.Equal("../models/detector.onnx", plan.Model.Path);
        Assert.All(plan.Stages, s => Assert.True(File.Exists(_work.File("out/" + s.File)), s.File));
    }

    [Fact]
    public void Plan_and_stages_options_place_the_plan_and_the_partitions_root_apart()
    {
        string manifest = Project();

        var result = PlanWorkspace.Plan(manifest, "--plan", _work.File("plans/custom.plan.json"), "--stages", _work.File("obj/partition/models"));

        Assert.Equal(0, result.ExitCode);
        var plan = PlanWorkspace.ReadPlan(_work.File("plans/custom.plan.json"));
        Assert.Equal("../models/detector.onnx", plan.Model.Path);
        Assert.All(plan.Stages, s =>
        {
            Assert.StartsWith(s.Device + "/", s.File);
            Assert.Equal(s.Sha256, PlanWorkspace.Sha256(_work.File("obj/partition/models/" + s.File)));
        });
        Assert.False(File.Exists(_work.File("detector.plan.json")));
        Assert.False(Directory.Exists(_work.File("glasses")));
    }

    [Fact]
    public void Json_prints_exactly_the_plan_file_which_PlanJsonReader_reads()
    {
        string manifest = Project();

        var result = PlanWorkspace.Plan(manifest, "--json");

        Assert.Equal((0, ""), (result.ExitCode, result.Stderr));
        byte[] file = File.ReadAllBytes(_work.File("detector.plan.json"));
        Assert.Equal(Encoding.UTF8.GetString(file), result.Stdout);
        var read = PlanJsonReader.Read(Encoding.UTF8.GetBytes(result.Stdout), "stdout");
        Assert.Empty(read.Diagnostics);
        Assert.Equal(file, PlanJsonWriter.Write(read.Plan!));
    }

    [Fact]
    public void Outputs_list_names_the_plan_stage_models_and_code_with_absolute_paths_and_is_written_last()
    {
        string manifest = Project();
        string list = _work.File("obj/outputs.txt");

        var result = PlanWorkspace.Plan(manifest, "--stages", _work.File("obj/models"), "--generated", _work.File("obj/generated"),
            "--outputs-list", list);

        Assert.Equal(0, result.ExitCode);
        var plan = PlanWorkspace.ReadPlan(_work.File("detector.plan.json"));
        string[] expected =
        [
            .. plan.Stages.Select(s => "model\t" + Path.GetFullPath(_work.File("obj/models/" + s.File))),
            "plan\t" + Path.GetFullPath(_work.File("detector.plan.json")),
            "compile\t" + Path.GetFullPath(_work.File("obj/generated/DetectorPlan.g.cs")),
            .. plan.Stages.Select(s => "compile\t" + Path.GetFullPath(_work.File($"obj/generated/DetectorPlan.Stage{s.Index}.g.cs"))),
        ];
        string[] lines = File.ReadAllText(list).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(expected.Order(StringComparer.Ordinal), lines.Order(StringComparer.Ordinal));
        Assert.Equal(lines.OrderBy(l => l[(l.IndexOf('\t') + 1)..], StringComparer.Ordinal), lines);
        DateTime listTime = File.GetLastWriteTimeUtc(list);
        Assert.All(lines, l => Assert.True(File.GetLastWriteTimeUtc(l[(l.IndexOf('\t') + 1)..]) <= listTime, l));
    }

    [Fact]
    public void A_second_run_with_nothing_changed_writes_nothing()
    {
        string manifest = Project();
        string[] args = [manifest, "--stages", _work.File("obj/models"), "--generated", _work.File("obj/generated"), "--outputs-list", _work.File("obj/outputs.txt")];
        Assert.Equal(0, PlanWorkspace.Plan(args).ExitCode);
        var before = _work.Snapshot();
        var old = new DateTime(2001, 2, 3, 4, 5, 6, DateTimeKind.Utc);
        foreach (string file in before.Keys)
        {
            File.SetLastWriteTimeUtc(_work.File(file), old);
        }

        var result = PlanWorkspace.Plan(args);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("detector.plan.json (unchanged)", result.Stdout);
        Assert.Equal(before, _work.Snapshot());
        Assert.All(before.Keys, file => Assert.Equal(old, File.GetLastWriteTimeUtc(_work.File(file))));
    }

    [Fact]
    public void Progress_goes_to_stderr_only_when_it_is_a_terminal_and_is_erased_at_the_end()
    {
        string manifest = Project();
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };

        int code = PartcApp.Run(["plan", manifest, "--generated", _work.File("gen")], new CliConsole(output, error) { ErrorIsTerminal = true });

        Assert.Equal(0, code);
        string progress = error.ToString();
        foreach (string step in new[] { "reading the model", "solving", "building the stage models", "generating code", "writing files" })
        {
            Assert.Contains($"partc: {step}... (", progress);
        }

        Assert.EndsWith("\r\u001b[2K", progress);
        Assert.DoesNotContain("\n", progress);
        Assert.DoesNotContain("\u001b", output.ToString());
    }

    [Fact]
    public void Manifest_hash_ignores_CRLF_so_a_Windows_checkout_plans_the_same()
    {
        string manifest = Project();
        Assert.Equal(0, PlanWorkspace.Plan(manifest).ExitCode);
        byte[] lf = File.ReadAllBytes(_work.File("detector.plan.json"));
        var plan = PlanWorkspace.ReadPlan(_work.File("detector.plan.json"));
        string lfText = File.ReadAllText(manifest).ReplaceLineEndings("\n");
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(lfText))), plan.ManifestSha256);
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("\n", "\r\n", StringComparison.Ordinal));

        var result = PlanWorkspace.Plan(manifest, "--mode", "locked");

        Assert.Equal((0, ""), (result.ExitCode, result.Stderr));
        Assert.Equal(lf, File.ReadAllBytes(_work.File("detector.plan.json")));
    }

    [Fact]
    public void Update_mode_keeps_a_plan_that_differs_only_in_formatting()
    {
        string manifest = Project();
        Assert.Equal(0, PlanWorkspace.Plan(manifest).ExitCode);
        string planPath = _work.File("detector.plan.json");
        string crlf = File.ReadAllText(planPath).Replace("\n", "\r\n", StringComparison.Ordinal);
        File.WriteAllText(planPath, crlf);

        var result = PlanWorkspace.Plan(manifest);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(crlf, File.ReadAllText(planPath));
    }

    [Fact]
    public void Update_mode_rewrites_a_plan_that_changed()
    {
        string manifest = Project();
        Assert.Equal(0, PlanWorkspace.Plan(manifest).ExitCode);
        string planPath = _work.File("detector.plan.json");
        byte[] solved = File.ReadAllBytes(planPath);
        File.WriteAllText(planPath, Encoding.UTF8.GetString(solved).Replace("\"glasses\"", "\"cloud\"", StringComparison.Ordinal));

        var result = PlanWorkspace.Plan(manifest);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("detector.plan.json (written)", result.Stdout);
        Assert.Equal(solved, File.ReadAllBytes(planPath));
    }

    [Fact]
    public void Files_the_previous_run_produced_and_this_one_does_not_are_deleted()
    {
        string manifest = Project();
        string[] args = [manifest, "--stages", _work.File("obj/models"), "--outputs-list", _work.File("obj/outputs.txt")];
        Assert.Equal(0, PlanWorkspace.Plan(args).ExitCode);
        var first = PlanWorkspace.ReadPlan(_work.File("detector.plan.json"));
        _work.Write("detector.devices.json", PlanManifests.Rig("models/detector.onnx").Replace("phone", "handset", StringComparison.Ordinal));

        var result = PlanWorkspace.Plan(args);

        Assert.Equal(0, result.ExitCode);
        var second = PlanWorkspace.ReadPlan(_work.File("detector.plan.json"));
        Assert.Contains(first.Stages, s => s.Device == "phone");
        Assert.All(first.Stages.Where(s => s.Device == "phone"), s => Assert.False(File.Exists(_work.File("obj/models/" + s.File)), s.File));
        Assert.False(Directory.Exists(_work.File("obj/models/phone")));
        Assert.All(second.Stages, s => Assert.True(File.Exists(_work.File("obj/models/" + s.File)), s.File));
        Assert.Contains("stale file(s) deleted", result.Stdout);
    }

    [Fact]
    public void Generated_code_uses_the_namespace_and_class_name_given()
    {
        string manifest = Project();

        var result = PlanWorkspace.Plan(manifest, "--generated", _work.File("gen"), "--namespace", "My.App.Partitions", "--class-name", "Detector");

        Assert.Equal(0, result.ExitCode);
        var plan = PlanWorkspace.ReadPlan(_work.File("detector.plan.json"));
        string[] expected = ["Detector.g.cs", .. plan.Stages.Select(s => $"Detector.Stage{s.Index}.g.cs")];
        Assert.Equal(expected.Order(StringComparer.Ordinal), Directory.GetFiles(_work.File("gen")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        string main = File.ReadAllText(_work.File("gen/Detector.g.cs"));
        Assert.Contains("namespace My.App.Partitions;", main);
        Assert.Contains("public static partial class Detector", main);
        Assert.Contains(plan.ManifestSha256, main);
    }

    [Fact]
    public void Default_class_name_comes_from_the_model_file()
    {
        string manifest = Project();

        Assert.Equal(0, PlanWorkspace.Plan(manifest, "--generated", _work.File("gen")).ExitCode);

        Assert.Contains("namespace PartitionCompiler.Generated;", File.ReadAllText(_work.File("gen/DetectorPlan.g.cs")));
    }

    [Fact]
    public void Alternatives_option_overrides_the_manifest()
    {
        string manifest = Project();

        Assert.Equal(0, PlanWorkspace.Plan(manifest, "-k", "2").ExitCode);
        Assert.Single(PlanWorkspace.ReadPlan(_work.File("detector.plan.json")).Alternatives);
        Assert.Equal(0, PlanWorkspace.Plan(manifest, "--alternatives", "1").ExitCode);
        Assert.Empty(PlanWorkspace.ReadPlan(_work.File("detector.plan.json")).Alternatives);
        Assert.Equal(0, PlanWorkspace.Plan(manifest).ExitCode);
        Assert.Equal(4, PlanWorkspace.ReadPlan(_work.File("detector.plan.json")).Alternatives.Count);
    }

    [Theory]
    [InlineData("auto")]
    [InlineData("ksp")]
    [InlineData("KSP")]
    public void Strategy_auto_and_ksp_plan_with_k_shortest_paths(string strategy)
    {
        string manifest = Project();

        Assert.Equal(0, PlanWorkspace.Plan(manifest, "--strategy", strategy).ExitCode);
        Assert.Equal("ksp", PlanWorkspace.ReadPlan(_work.File("detector.plan.json")).Strategy);
    }

    [Fact]
    public void Model_option_replaces_the_manifest_model()
    {
        string manifest = Project(PlanManifests.Rig("models/absent.onnx"));
        _work.WriteModel("other/chain.onnx", ModelRecipes.Chain(8));

        var result = PlanWorkspace.Plan(manifest, "--model", _work.File("other/chain.onnx"));

        Assert.Equal((0, ""), (result.ExitCode, result.Stderr));
        var plan = PlanWorkspace.ReadPlan(_work.File("detector.plan.json"));
        Assert.Equal("other/chain.onnx", plan.Model.Path);
        Assert.Equal(8, plan.Model.Nodes);
        Assert.All(plan.Stages, s => Assert.EndsWith($"/chain.stage{s.Index}.onnx", s.File));
    }

    [Fact]
    public void Input_option_replaces_the_manifest_pin()
    {
        _work.WriteModel("m.onnx", new OnnxModelBuilder().Input("x", ElementType.Float32, 1, Dim.Symbolic("n"))
            .Node("Relu", ["x"], ["r"], "relu").Node("Sigmoid", ["r"], ["y"], "sigmoid").Output("y", ElementType.Float32, 1, Dim.Symbolic("n")));
        string manifest = _work.Write("m.devices.json", PlanManifests.ThreeDevices("m.onnx", "\"inputs\": { \"x\": [1, 8] },"));

        Assert.Equal(0, PlanWorkspace.Plan(manifest).ExitCode);
        Assert.Equal([1L, 8], PlanWorkspace.ReadPlan(_work.File("m.plan.json")).Stages[0].Inputs[0].Shape);
        Assert.Equal(0, PlanWorkspace.Plan(manifest, "--input", "x=1x32").ExitCode);
        Assert.Equal([1L, 32], PlanWorkspace.ReadPlan(_work.File("m.plan.json")).Stages[0].Inputs[0].Shape);
    }

    [Fact]
    public void Verify_runs_the_ONNX_Runtime_proof_on_the_written_stage_models()
    {
        string manifest = Project();

        var result = PlanWorkspace.Plan(manifest, "--verify");

        Assert.Equal((0, ""), (result.ExitCode, result.Stderr));
        Assert.Contains(result.Stdout.Split('\n'), l => l.StartsWith("verified   passed: ", StringComparison.Ordinal));
    }

    [Fact]
    public void Verify_with_json_keeps_stdout_for_the_plan_and_reports_on_stderr()
    {
        string manifest = Project();

        var result = PlanWorkspace.Plan(manifest, "--verify", "--json");

        Assert.Equal(0, result.ExitCode);
        Assert.Empty(PlanJsonReader.Read(Encoding.UTF8.GetBytes(result.Stdout), "stdout").Diagnostics);
        Assert.StartsWith("partc: verified passed: ", Assert.Single(result.StderrLines));
    }

    [Fact]
    public void External_data_goes_to_each_stage_data_file_recorded_in_the_plan_and_the_outputs_list()
    {
        string model = ModelRecipes.WithExternalData().WriteTo(_work.File("models/twobranch.onnx"));
        string manifest = _work.Write("twobranch.devices.json", PlanManifests.OneDevice("models/twobranch.onnx"));
        string list = _work.File("obj/outputs.txt");

        var result = PlanWorkspace.Plan(manifest, "--outputs-list", list, "--verify");

        Assert.Equal((0, ""), (result.ExitCode, result.Stderr));
        Assert.True(File.Exists(model));
        var stage = Assert.Single(PlanWorkspace.ReadPlan(_work.File("twobranch.plan.json")).Stages);
        string data = _work.File(stage.File + ".data");
        Assert.Equal(PlanWorkspace.Sha256(data), stage.DataSha256);
        Assert.Contains(new OutputEntry(OutputKind.Data, Path.GetFullPath(data)), OutputsList.Read(list));
    }

    [Fact]
    public void Two_runs_in_two_folders_give_byte_identical_plans_stage_models_and_code()
    {
        using var other = new PlanWorkspace();
        foreach (var work in new[] { _work, other })
        {
            work.WriteModel("models/detector.onnx", ModelRecipes.SqueezeNet11(WeightStyle.ConstantOfShape));
            string manifest = work.Write("detector.devices.json", PlanManifests.Rig("models/detector.onnx"));
            Assert.Equal(0, PlanWorkspace.Plan(manifest, "--generated", work.File("gen"), "--outputs-list", work.File("outputs.txt")).ExitCode);
        }

        var first = _work.Snapshot();
        var second = other.Snapshot();
        first.Remove("outputs.txt");
        second.Remove("outputs.txt");
        Assert.Equal(first, second);
        Assert.True(first.Count >= 6, string.Join(", ", first.Keys));
    }
}
