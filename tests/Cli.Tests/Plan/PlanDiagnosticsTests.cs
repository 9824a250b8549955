using PartitionCompiler.Partitioning.Graph;
using PartitionCompiler.TestSupport;

namespace PartitionCompiler.Cli.Tests.Plan;

/// <summary>
/// What <c>partc plan</c> reports: every diagnostic as one canonical line on stderr (<c>file(line,col): error
/// PCxxxx: ...</c>), exit code 1 on an error, nothing on stdout and no plan written. The manifest parser's own tests
/// cover each PC00xx code; here a few show that the CLI passes them on with their place.
/// </summary>
public sealed class PlanDiagnosticsTests : IDisposable
{
    private readonly PlanWorkspace _work = new();

    public void Dispose() => _work.Dispose();

    private string Model(string name = "model.onnx") => _work.WriteModel(name, ModelRecipes.Chain(6));

    /// <summary>Asserts a failed run whose first error is <paramref name="code"/> at <paramref name="path"/>,
    /// line <paramref name="line"/> (any column; none when null), and that no plan was written.</summary>
    private void FailsAt(CliResult result, string code, string path, int? line)
    {
        result.FailsWith(code);
        string first = result.StderrLines.First(l => l.Contains($": error {code}: ", StringComparison.Ordinal));
        string start = line is int l ? $"{path}({l}," : $"{path}: error {code}: ";
        Assert.True(first.StartsWith(start, StringComparison.Ordinal), $"expected a line starting with '{start}', got '{first}'");
        Assert.Empty(Directory.GetFiles(_work.Root, "*.plan.json", SearchOption.AllDirectories));
    }

    [Fact]
    public void PC0001_manifest_syntax_error_at_its_line()
    {
        Model();
        string manifest = _work.Write("m.devices.json", "{\n  \"model\": \"model.onnx\",\n  \"devices\": [ { \"name\": \"a\" \n}\n");

        FailsAt(PlanWorkspace.Plan(manifest), "PC0001", manifest, 5);
    }

    [Fact]
    public void PC0003_link_to_an_unknown_device_at_its_line()
    {
        Model();
        string manifest = _work.Write("m.devices.json", """
            {
              "model": "model.onnx",
              "devices": [ { "name": "glasses", "compute": "1 GFLOP/s" } ],
              "links": [
                { "from": "glasses", "to": "npu", "bandwidth": "1 Mbit/s" }
              ]
            }
            """);

        FailsAt(PlanWorkspace.Plan(manifest), "PC0003", manifest, 5);
    }

    [Fact]
    public void PC0009_model_named_by_the_manifest_is_missing()
    {
        string manifest = _work.Write("m.devices.json", "{\n  \"devices\": [ { \"name\": \"a\", \"compute\": 1e9 } ],\n  \"model\": \"absent.onnx\"\n}\n");

        FailsAt(PlanWorkspace.Plan(manifest), "PC0009", manifest, 3);
    }

    [Fact]
    public void PC0016_profile_named_by_the_manifest_is_missing()
    {
        Model();
        string manifest = _work.Write("m.devices.json", PlanManifests.OneDevice("model.onnx", profile: "profiles/solo.profile.json"));

        FailsAt(PlanWorkspace.Plan(manifest), "PC0016", manifest, 4);
    }

    [Fact]
    public void PC0010_unknown_property_is_a_warning_and_the_plan_is_written()
    {
        Model();
        string manifest = _work.Write("m.devices.json", PlanManifests.ThreeDevices(extra: "\"colour\": \"blue\","));

        var result = PlanWorkspace.Plan(manifest);

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith($"{manifest}(3,", Assert.Single(result.StderrLines));
        Assert.Equal(["PC0010"], result.Codes);
        Assert.True(File.Exists(_work.File("m.plan.json")));
    }

    [Theory]
    [InlineData("")]
    [InlineData("m.devices.json --bogus")]
    [InlineData("m.devices.json extra.json")]
    [InlineData("m.devices.json -k")]
    public void PC0050_command_line_that_does_not_parse(string commandLine)
    {
        var result = PlanWorkspace.Plan(commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries));

        result.FailsWith("PC0050");
        Assert.All(result.StderrLines, l => Assert.Matches(@"^partc: error PC0050: .+; run 'partc plan --help' for usage$", l));
    }

    [Theory]
    [InlineData("--mode", "sometimes", "--mode 'sometimes' is not a mode; use update")]
    [InlineData("--strategy", "tiles", "--strategy 'tiles' is not a strategy; use auto, ksp or fused")]
    [InlineData("-k", "0", "-k '0' is not valid; K must be a whole number of at least 1")]
    [InlineData("--alternatives", "many", "--alternatives 'many' is not valid; K must be a whole number of at least 1")]
    [InlineData("--input", "x=1xA", "--input 'x=1xA': dim 'A' is not a positive integer")]
    public void PC0051_option_value_it_cannot_take(string option, string value, string message)
    {
        var result = PlanWorkspace.Plan("m.devices.json", option, value);

        result.FailsWith("PC0051");
        Assert.StartsWith($"partc: error PC0051: {message}", Assert.Single(result.StderrLines));
    }

    [Fact]
    public void PC0052_manifest_that_cannot_be_read()
    {
        string manifest = _work.File("absent.devices.json");

        FailsAt(PlanWorkspace.Plan(manifest), "PC0052", manifest, null);
        Assert.Contains("the file does not exist", PlanWorkspace.Plan(manifest).Stderr);
    }

    [Fact]
    public void PC0053_no_model_in_the_manifest_nor_on_the_command_line()
    {
        string manifest = _work.Write("m.devices.json", PlanManifests.ThreeDevices(model: null));

        FailsAt(PlanWorkspace.Plan(manifest), "PC0053", manifest, 1);
    }

    [Fact]
    public void PC0100_model_option_naming_a_missing_file()
    {
        string manifest = _work.Write("m.devices.json", PlanManifests.ThreeDevices(model: null));
        string model = _work.File("absent.onnx");

        FailsAt(PlanWorkspace.Plan(manifest, "--model", model), "PC0100", model, null);
    }

    [Fact]
    public void PC0120_pin_for_an_input_the_model_lacks_at_the_manifest_line()
    {
        Model();
        string manifest = _work.Write("m.devices.json", PlanManifests.ThreeDevices(extra: "\"inputs\": { \"images\": [1, 64] },"));

        FailsAt(PlanWorkspace.Plan(manifest), "PC0120", manifest, 3);
    }

    [Fact]
    public void PC0123_symbolic_dim_left_unpinned()
    {
        string model = _work.WriteModel("model.onnx", new OnnxModelBuilder().Input("x", ElementType.Float32, 1, Dim.Symbolic("n"))
            .Node("Relu", ["x"], ["y"], "relu").Output("y", ElementType.Float32, 1, Dim.Symbolic("n")));
        string manifest = _work.Write("m.devices.json", PlanManifests.ThreeDevices());

        FailsAt(PlanWorkspace.Plan(manifest), "PC0123", model, null);
        Assert.Equal(0, PlanWorkspace.Plan(manifest, "--input", "x=1x4").ExitCode);
    }

    [Fact]
    public void PC0301_node_that_fits_no_device()
    {
        Model();
        string manifest = _work.Write("m.devices.json", PlanManifests.OneDevice("model.onnx", memoryBytes: 100));

        FailsAt(PlanWorkspace.Plan(manifest), "PC0301", manifest, 4);
    }

    [Fact]
    public void PC0302_no_partition_fits_the_memory()
    {
        // Six chain nodes on [1,64]: each needs its own 256-byte weight (if any) plus two live 256-byte activations, so
        // every node fits 1000 bytes alone, but the one device cannot hold the whole model.
        Model();
        string manifest = _work.Write("m.devices.json", PlanManifests.OneDevice("model.onnx", memoryBytes: 1000));

        FailsAt(PlanWorkspace.Plan(manifest), "PC0302", manifest, 4);
    }

    [Fact]
    public void PC0303_search_bound_with_fewer_fitting_plans_than_asked_is_a_warning_and_the_plan_is_written()
    {
        // 24 nodes on [1,64]: 23 Adds with their own 256-byte bias and, in the middle, a MatMul with a 16 KiB weight.
        // Device a holds every Add (5888 + 512 bytes) but not the MatMul; b holds the MatMul (16384 + 512) and nothing
        // more. Exactly one of the 2^23 plans fits, so the search stops at its bound with 1 of the 5 plans asked for.
        var builder = new OnnxModelBuilder().Named("mm").Input("x", ElementType.Float32, 1, 64);
        string x = "x";
        for (int i = 0; i < 24; i++)
        {
            string output = i == 23 ? "y" : $"t{i}";
            builder = i == 12
                ? builder.Weight($"w{i}", 64, 64).Node("MatMul", [x, $"w{i}"], [output], $"n{i}")
                : builder.Weight($"w{i}", 64).Node("Add", [x, $"w{i}"], [output], $"n{i}");
            x = output;
        }

        _work.WriteModel("model.onnx", builder.Output("y", ElementType.Float32, 1, 64));
        string manifest = _work.Write("m.devices.json", """
            {
              "model": "model.onnx",
              "devices": [ { "name": "a", "compute": 1e9, "memory": 6400 }, { "name": "b", "compute": 1e9, "memory": 17151 } ],
              "links": [ { "from": "a", "to": "b", "bandwidth": 1e9, "bidirectional": true } ]
            }
            """);

        var result = PlanWorkspace.Plan(manifest);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["PC0303"], result.Codes);
        Assert.StartsWith($"{manifest}: warning PC0303: the search stopped after examining 1000000 plans, with only 1 of the 5", Assert.Single(result.StderrLines));
        var plan = PlanWorkspace.ReadPlan(_work.File("m.plan.json"));
        Assert.Empty(plan.Alternatives);
        Assert.Equal(["a", "b", "a"], plan.Stages.Select(s => s.Device));
    }

    [Fact]
    public void PC0304_too_many_tied_plans_is_a_warning_and_the_plan_is_written()
    {
        _work.WriteModel("model.onnx", ModelRecipes.Chain(24));
        string manifest = _work.Write("m.devices.json", """
            {
              "model": "model.onnx",
              "objective": "energy",
              "devices": [ { "name": "a", "compute": 1e9 }, { "name": "b", "compute": 1e9 } ],
              "links": [ { "from": "a", "to": "b", "bandwidth": 1e9, "bidirectional": true } ]
            }
            """);

        var result = PlanWorkspace.Plan(manifest);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["PC0304"], result.Codes);
        Assert.StartsWith($"{manifest}: warning PC0304: ", Assert.Single(result.StderrLines));
        Assert.True(File.Exists(_work.File("m.plan.json")));
    }

    [Fact]
    public void PC0320_fused_strategy_in_the_manifest_at_its_line()
    {
        Model();
        string manifest = _work.Write("m.devices.json", PlanManifests.ThreeDevices(
            extra: "\"strategy\": \"fused\", \"fused\": { \"endDevice\": \"glasses\", \"server\": \"cloud\" },"));

        FailsAt(PlanWorkspace.Plan(manifest), "PC0320", manifest, 3);
        Assert.Contains("(the manifest's \"strategy\")", PlanWorkspace.Plan(manifest).Stderr);
    }

    [Fact]
    public void PC0320_fused_strategy_on_the_command_line()
    {
        Model();
        string manifest = _work.Write("m.devices.json", PlanManifests.ThreeDevices());

        var result = PlanWorkspace.Plan(manifest, "--strategy", "fused");

        FailsAt(result, "PC0320", "partc", null);
        Assert.Contains("(--strategy fused)", result.Stderr);
    }

    [Theory]
    [InlineData("--namespace", "My..App", "PC0460")]
    [InlineData("--class-name", "1Plan", "PC0461")]
    public void PC0460_PC0461_names_for_generated_code_that_are_not_CSharp(string option, string value, string code)
    {
        Model();
        string manifest = _work.Write("m.devices.json", PlanManifests.ThreeDevices());

        FailsAt(PlanWorkspace.Plan(manifest, "--generated", _work.File("gen"), option, value), code, "partc", null);
        Assert.False(Directory.Exists(_work.File("gen")));
        Assert.False(Directory.Exists(_work.File("glasses")) || Directory.Exists(_work.File("phone")) || Directory.Exists(_work.File("cloud")));
    }

    [Fact]
    public void PC0503_plan_path_that_cannot_be_written()
    {
        Model();
        string manifest = _work.Write("m.devices.json", PlanManifests.ThreeDevices());
        string plan = _work.File("taken");
        Directory.CreateDirectory(plan);

        var result = PlanWorkspace.Plan(manifest, "--plan", plan, "--outputs-list", _work.File("outputs.txt"));

        result.FailsWith("PC0503");
        Assert.False(File.Exists(_work.File("outputs.txt")));
    }
}
