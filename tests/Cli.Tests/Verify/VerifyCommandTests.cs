using System.Text.Json;
using PartitionCompiler.TestSupport;
using PartitionCompiler.TestSupport.Partitions;

namespace PartitionCompiler.Cli.Tests.Verify;

/// <summary><c>partc verify</c>: tables or JSON on stdout, diagnostics on stderr, exit code 0 only when every tensor passes.</summary>
public sealed class VerifyCommandTests : IDisposable
{
    private readonly PlanFolder _folder = PlanFolder.Create(ModelRecipes.ResidualBlock(), 2);

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_sound_plan_prints_every_compared_tensor_and_the_timings_and_exits_0()
    {
        var result = Partc.Run("verify", _folder.PlanPath);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Stderr);
        Assert.Contains("3 seeded random input(s), seed 42", result.Stdout);
        Assert.Matches(@"relu1_out\s+stage 0 -> 1\s+float32\[1,64,56,56\]\s+\S+\s+\S+\s+ok", result.Stdout);
        Assert.Matches(@"y\s+stage 1 -> output\s+float32\[1,64,56,56\]\s+\S+\s+\S+\s+ok", result.Stdout);
        Assert.Matches(@"original\s+\d+\.\d\s+\d+\.\d", result.Stdout);
        Assert.Matches(@"stage 1\s+d1\s+\d+\.\d\s+\d+\.\d", result.Stdout);
        Assert.Contains("verified: 2 tensor(s) within tolerance", result.Stdout);
        Assert.DoesNotContain("\r", result.Stdout);
    }

    [Fact]
    public void Json_is_one_document_with_the_options_every_tensor_and_the_timings()
    {
        var result = Partc.Run("verify", _folder.PlanPath, "--json", "--runs", "2", "--seed", "7", "--rtol", "1e-4", "--atol", "0");

        Assert.Equal(0, result.ExitCode);
        using var document = JsonDocument.Parse(result.Stdout);
        var root = document.RootElement;
        Assert.True(root.GetProperty("passed").GetBoolean());
        Assert.Equal(2, root.GetProperty("runs").GetInt32());
        Assert.Equal(7, root.GetProperty("seed").GetInt32());
        Assert.Equal(1e-4, root.GetProperty("rtol").GetDouble());
        var tensors = root.GetProperty("tensors").EnumerateArray().ToList();
        Assert.Equal(["relu1_out", "y"], tensors.Select(t => t.GetProperty("name").GetString()));
        Assert.Equal("output", tensors[1].GetProperty("to")[0].GetString());
        Assert.All(tensors, t => Assert.True(t.GetProperty("maxRef").GetDouble() > 0));
        Assert.Equal(2, root.GetProperty("timings").GetProperty("stages").GetArrayLength());
    }

    [Fact]
    public void A_stage_that_computes_something_else_is_PC0420_with_the_table_and_exits_1()
    {
        _folder.ReplaceStageWithOneOf(ModelRecipes.ResidualBlock(seed: 99), 1);

        var result = Partc.Run("verify", _folder.PlanPath);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(["PC0420"], result.Codes);
        Assert.Contains("tensor 'y' (stage 1 -> output) differs from the original", result.Stderr);
        Assert.Matches(@"relu1_out\s+stage 0 -> 1\s+\S+\s+\S+\s+\S+\s+ok", result.Stdout);
        Assert.Matches(@"y\s+stage 1 -> output\s+\S+\s+\S+\s+\S+\s+FAILED: max abs error", result.Stdout);
        Assert.Contains("FAILED: 1 of 2 tensor(s) differ from the original", result.Stdout);
    }

    [Fact]
    public void A_tampered_stage_file_is_PC0411_on_the_plan_line_and_exits_1()
    {
        var bytes = File.ReadAllBytes(_folder.StagePath(1));
        bytes[^1] ^= 0x01;
        File.WriteAllBytes(_folder.StagePath(1), bytes);

        var result = Partc.Run("verify", _folder.PlanPath);

        result.FailsWith("PC0411");
        int? line = _folder.LineOf("$.stages[1].sha256");
        Assert.NotNull(line);
        Assert.StartsWith($"{_folder.PlanPath}({line},", Assert.Single(result.StderrLines));
    }

    [Fact]
    public void Stage_files_elsewhere_are_found_with_stages_and_missing_otherwise()
    {
        string moved = Path.Combine(_folder.Root, "partitions");
        foreach (string device in new[] { "d0", "d1" })
        {
            Directory.Move(Path.Combine(_folder.Root, device), Path.Combine(Directory.CreateDirectory(moved).FullName, device));
        }

        Partc.Run("verify", _folder.PlanPath).FailsWith("PC0410");
        Assert.Equal(0, Partc.Run("verify", _folder.PlanPath, "--stages", moved).ExitCode);
    }

    [Fact]
    public void A_missing_plan_is_PC0415()
    {
        Partc.Run("verify", Path.Combine(_folder.Root, "absent.plan.json")).FailsWith("PC0415");
    }

    [Theory]
    [InlineData("--runs", "0")]
    [InlineData("--rtol", "-1")]
    [InlineData("--atol", "NaN")]
    public void Invalid_options_are_usage_errors(string option, string value)
    {
        var result = Partc.Run("verify", _folder.PlanPath, option, value);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"partc: error PC0051: {option} must be", result.Stderr);
        Assert.Equal("", result.Stdout);
    }

    [Fact]
    public void Help_lists_every_option()
    {
        var result = Partc.Run("verify", "--help");

        Assert.Equal(0, result.ExitCode);
        foreach (string option in new[] { "--stages", "--runs", "--seed", "--rtol", "--atol", "--json" })
        {
            Assert.Contains(option, result.Stdout);
        }
    }
}
