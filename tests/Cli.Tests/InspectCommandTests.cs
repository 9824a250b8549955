using System.Text.Json;
using PartitionCompiler.TestSupport;

namespace PartitionCompiler.Cli.Tests;

/// <summary><c>partc inspect</c>: the table, the JSON document, pins, determinism.</summary>
public sealed class InspectCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string Write(OnnxModelBuilder builder, string name = "model.onnx") => builder.WriteTo(_folder.File(name));

    [Fact]
    public void Table_lists_nodes_with_shapes_costs_and_totals_and_caps_its_rows()
    {
        string path = Write(ModelRecipes.SqueezeNet11(WeightStyle.ConstantOfShape));

        var result = Partc.Run("inspect", path);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Stderr);
        string[] lines = result.Stdout.Split('\n');
        Assert.Contains(lines, l => l.Contains("features.0 ") && l.Contains("Conv") && l.Contains("float32[1,64,111,111]")
            && l.Contains("42,581,376") && l.Contains("3,154,176"));
        Assert.Contains(lines, l => l.Contains("total"));
        Assert.Contains("showing the first 50 of 65 nodes; --all shows every row", result.Stdout);
        Assert.DoesNotContain(lines, l => l.Contains("classifier.3 "));
        Assert.DoesNotContain('\r', result.Stdout);
    }

    [Fact]
    public void Table_with_all_shows_every_row()
    {
        string path = Write(ModelRecipes.SqueezeNet11(WeightStyle.ConstantOfShape));

        var result = Partc.Run("inspect", path, "--all");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(result.Stdout.Split('\n'), l => l.Contains("classifier.3 ") && l.Contains("float32[1,1000,1,1]"));
        Assert.DoesNotContain("showing the first", result.Stdout);
    }

    [Fact]
    public void Table_rows_stay_one_line_each_where_headings_are_wider_than_their_cells()
    {
        // The scene model's shapes fill their column while "params (B)" and "output (B)" are wider than their numbers.
        string path = Write(SampleModels.Scene());

        var result = Partc.Run("inspect", path, "--all");

        Assert.Equal(0, result.ExitCode);
        string[] lines = result.Stdout.Split('\n');
        Assert.Contains(lines, l => l.Contains("stem.conv ") && l.Contains("float32[1,16,64,64]") && l.Contains("3,538,944"));
        int first = Array.FindIndex(lines, l => l.TrimStart().StartsWith("0 ", StringComparison.Ordinal));
        int total = Array.FindIndex(lines, l => l.Contains(" total ", StringComparison.Ordinal));
        Assert.True(first > 0 && total > first, result.Stdout);
        Assert.All(lines[first..total], l => Assert.Matches(@"^\s+\d+\s+\S", l));
    }

    [Fact]
    public void Json_document_has_model_nodes_cuts_and_totals()
    {
        string path = Write(ModelRecipes.AlexNet(WeightStyle.ConstantOfShape));

        var result = Partc.Run("inspect", path, "--json");

        Assert.Equal((0, ""), (result.ExitCode, result.Stderr));
        using var json = JsonDocument.Parse(result.Stdout);
        var root = json.RootElement;
        Assert.Equal(["model", "nodes", "cuts", "totals"], root.EnumerateObject().Select(p => p.Name));
        var model = root.GetProperty("model");
        Assert.Equal(path.Replace('\\', '/'), model.GetProperty("path").GetString());
        Assert.Matches("^[0-9a-f]{64}$", model.GetProperty("sha256").GetString());
        int n = model.GetProperty("nodes").GetInt32();
        Assert.Equal(19, n); // 5 conv + 5 relu + 3 maxpool + flatten + 3 gemm + 2 relu (weight fills excluded)
        Assert.Equal(0, model.GetProperty("ortShapeFallback").GetArrayLength());

        var nodes = root.GetProperty("nodes").EnumerateArray().ToList();
        var positioned = nodes.Where(x => !x.GetProperty("weight").GetBoolean()).ToList();
        Assert.Equal(Enumerable.Range(0, n), positioned.Select(x => x.GetProperty("position").GetInt32()));
        Assert.All(nodes.Where(x => x.GetProperty("weight").GetBoolean()), x =>
        {
            Assert.Equal(JsonValueKind.Null, x.GetProperty("position").ValueKind);
            Assert.Equal("ConstantOfShape", x.GetProperty("op").GetString());
        });

        // Per-layer figures of torchvision AlexNet at 224 (conv1: 64x55x55 outputs, 11x11x3 kernel; fc6: 9216 -> 4096).
        var conv1 = nodes.Single(x => x.GetProperty("name").GetString() == "features.0");
        Assert.Equal(2L * 55 * 55 * 64 * 11 * 11 * 3, conv1.GetProperty("flops").GetInt64());
        Assert.Equal((64L * 3 * 11 * 11 + 64) * 4, conv1.GetProperty("parameterBytes").GetInt64());
        var output = conv1.GetProperty("outputs")[0];
        Assert.Equal("features.0_out", output.GetProperty("name").GetString());
        Assert.Equal("float32", output.GetProperty("type").GetString());
        Assert.Equal([1, 64, 55, 55], output.GetProperty("shape").EnumerateArray().Select(d => d.GetInt32()));
        Assert.Equal(774400, output.GetProperty("bytes").GetInt64());
        var fc6 = nodes.Single(x => x.GetProperty("name").GetString() == "classifier.1");
        Assert.Equal(2L * 9216 * 4096, fc6.GetProperty("flops").GetInt64());
        Assert.Equal(["flatten_out", "classifier.1.weight", "classifier.1.bias"],
            fc6.GetProperty("inputs").EnumerateArray().Select(i => i.GetString()));

        var cuts = root.GetProperty("cuts").EnumerateArray().ToList();
        Assert.Equal(n + 1, cuts.Count);
        Assert.Equal(Enumerable.Range(-1, n + 1), cuts.Select(c => c.GetProperty("after").GetInt32()));
        Assert.Equal(["input"], cuts[0].GetProperty("tensors").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(602112, cuts[0].GetProperty("bytes").GetInt64());
        var afterPool5 = cuts.Single(c => c.GetProperty("tensors").EnumerateArray().Any(t => t.GetString() == "features.12_out"));
        Assert.Equal(36864, afterPool5.GetProperty("bytes").GetInt64());

        var totals = root.GetProperty("totals");
        Assert.Equal(positioned.Sum(x => x.GetProperty("flops").GetDouble()), totals.GetProperty("flops").GetDouble());
        Assert.Equal(61100840L * 4, totals.GetProperty("parameterBytes").GetInt64());
    }

    [Fact]
    public void Json_is_byte_identical_across_runs()
    {
        string path = Write(ModelRecipes.ResidualBlock());

        var first = Partc.Run("inspect", path, "--json");
        var second = Partc.Run("inspect", path, "--json");

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(first.Stdout, second.Stdout);
        Assert.EndsWith("}\n", first.Stdout);
        Assert.DoesNotContain('\r', first.Stdout);
    }

    [Fact]
    public void Symbolic_dims_print_as_null_until_pinned()
    {
        var builder = new OnnxModelBuilder()
            .Input("x", Partitioning.Graph.ElementType.Float32, Partitioning.Graph.Dim.Symbolic("N"), 3, Partitioning.Graph.Dim.Symbolic("H"), Partitioning.Graph.Dim.Symbolic("W"))
            .Node("Relu", ["x"], ["y"], "relu")
            .Output("y", Partitioning.Graph.ElementType.Float32, Partitioning.Graph.Dim.Symbolic("N"), 3, Partitioning.Graph.Dim.Symbolic("H"), Partitioning.Graph.Dim.Symbolic("W"));
        string path = Write(builder);

        var open = Partc.Run("inspect", path, "--json");
        var pinned = Partc.Run("inspect", path, "--json", "--input", "x=2x3x8x8");

        Assert.Equal(0, open.ExitCode);
        var openOutput = OutputOf(open, "relu");
        Assert.Equal("[1,3,null,null]", openOutput.GetProperty("shape").GetRawText());
        Assert.Equal(JsonValueKind.Null, openOutput.GetProperty("bytes").ValueKind);
        Assert.Equal(0, pinned.ExitCode);
        var pinnedOutput = OutputOf(pinned, "relu");
        Assert.Equal("[2,3,8,8]", pinnedOutput.GetProperty("shape").GetRawText());
        Assert.Equal(2 * 3 * 8 * 8 * 4, pinnedOutput.GetProperty("bytes").GetInt64());
    }

    [Fact]
    public void Tensors_static_inference_cannot_decide_come_from_ONNX_Runtime_and_are_recorded()
    {
        string path = Write(ModelRecipes.WithIf());

        var result = Partc.Run("inspect", path, "--json");

        Assert.Equal((0, ""), (result.ExitCode, result.Stderr));
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal(["branch_out", "add_out"],
            json.RootElement.GetProperty("model").GetProperty("ortShapeFallback").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("[1,8]", OutputOf(result, "if").GetProperty("shape").GetRawText());
        Assert.Equal(32, OutputOf(result, "add").GetProperty("bytes").GetInt64());
    }

    [Fact]
    public void Table_names_the_tensors_ONNX_Runtime_decided()
    {
        var result = Partc.Run("inspect", Write(ModelRecipes.WithIf()));

        Assert.Contains("2 tensor(s) decided by ONNX Runtime: branch_out, add_out", result.Stdout);
    }

    [Fact]
    public void Model_with_an_operator_nobody_knows_inspects_with_a_warning()
    {
        var builder = new OnnxModelBuilder().Opset(1, "com.example").Input("x", Partitioning.Graph.ElementType.Float32, 4)
            .NodeInDomain("com.example", "Mystery", ["x"], ["m"], "mystery")
            .Node("Relu", ["m"], ["y"], "relu").OutputWithoutShape("y");

        var result = Partc.Run("inspect", Write(builder), "--json");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("PC0115", result.Codes);
        Assert.Contains(": warning PC0115: ", result.Stderr);
        Assert.Equal(JsonValueKind.Null, OutputOf(result, "mystery").GetProperty("shape").ValueKind);
    }

    [Fact]
    public void Corpus_model_inspects()
    {
        string path = Corpus.RequireModel("light_squeezenet.onnx");

        var result = Partc.Run("inspect", path, "--json");

        Assert.Equal((0, ""), (result.ExitCode, result.Stderr));
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal(66, json.RootElement.GetProperty("model").GetProperty("nodes").GetInt32());
        Assert.Equal(39, json.RootElement.GetProperty("model").GetProperty("weightProducers").GetInt32());
    }

    private static JsonElement OutputOf(CliResult result, string node)
    {
        using var json = JsonDocument.Parse(result.Stdout);
        return json.RootElement.GetProperty("nodes").EnumerateArray()
            .Single(x => x.GetProperty("name").GetString() == node).GetProperty("outputs")[0].Clone();
    }
}
