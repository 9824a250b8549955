using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using PartitionCompiler.EndToEnd.Tests.Build;

namespace PartitionCompiler.EndToEnd.Tests.Sample;

/// <summary>
/// The GlassesPhoneCloud sample as a user meets it, against the packed packages: the build partitions the model with
/// the package's own <c>partc</c>, writes the plan, the stage models and the stubs, and the app's split pipeline
/// computes what the unsplit model computes; a second build does no partition work; the committed plan passes a CI
/// (locked) build, an edited one fails it; a broken manifest is an error at its line.
/// </summary>
[Collection(PackedFeedCollection.Name)]
public sealed partial class SampleBuildTests(PackedFeed feed)
{
    private const string RunSkipped = "Skipping target \"_PartitionCompiler_Run\" because all output files are up-to-date";
    private const string CompileSkipped = "Skipping target \"CoreCompile\" because all output files are up-to-date";

    private static readonly string[] Devices = ["glasses", "phone", "cloud"];

    [Fact]
    public void Sample_builds_with_the_packages_partc_and_writes_the_plan_stage_models_and_stubs()
    {
        BuiltSample built = BuiltSample.Of(feed);
        SampleCopy sample = built.Succeeded();

        string cli = Path.Combine("partitioncompiler", feed.Version, "tools", "cli", "PartitionCompiler.Cli.dll");
        Assert.Equal(1, built.FirstBuild.Lines($"{cli} plan {sample.Manifest}"));
        string committed = Path.Combine(BuildPaths.RepositoryRoot, "samples", SampleCopy.SampleName, "scene.plan.json");
        Assert.True(File.ReadAllText(committed) == File.ReadAllText(sample.Plan),
            "the build solved a plan that differs from the committed samples/GlassesPhoneCloud/scene.plan.json; build the sample and commit its plan");

        using JsonDocument plan = JsonDocument.Parse(File.ReadAllText(sample.Plan));
        JsonElement[] stages = [.. plan.RootElement.GetProperty("stages").EnumerateArray()];
        Assert.Equal(Devices, stages.Select(s => s.GetProperty("device").GetString()));
        foreach (JsonElement stage in stages)
        {
            int index = stage.GetProperty("index").GetInt32();
            string device = stage.GetProperty("device").GetString()!;
            string file = stage.GetProperty("file").GetString()!;
            Assert.Equal($"{device}/scene.stage{index}.onnx", file);
            string copied = Path.Combine(sample.OutputFolder, "partitions", device, $"scene.stage{index}.onnx");
            Assert.True(File.Exists(copied), $"{copied} is missing");
            Assert.Equal(stage.GetProperty("sha256").GetString(), Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(copied))));
        }

        // The long skip ('context') rides through the phone: it is in both transfers, and both carry more than one tensor.
        JsonElement[] transfers = [.. plan.RootElement.GetProperty("transfers").EnumerateArray()];
        Assert.Equal(["glasses->phone", "phone->cloud"], transfers.Select(t => t.GetProperty("link").GetString()));
        Assert.All(transfers, t => Assert.Contains("context", t.GetProperty("tensors").EnumerateArray().Select(n => n.GetString())));
        Assert.All(transfers, t => Assert.True(t.GetProperty("tensors").GetArrayLength() > 1));

        string[] generated = [.. Directory.EnumerateFiles(sample.GeneratedFolder).Select(Path.GetFileName).Order(StringComparer.Ordinal)!];
        Assert.Equal(["ScenePlan.Stage0.g.cs", "ScenePlan.Stage1.g.cs", "ScenePlan.Stage2.g.cs", "ScenePlan.g.cs"], generated);
        string outputsList = File.ReadAllText(Path.Combine(sample.WorkFolder, "outputs.txt"));
        Assert.All(generated, file => Assert.Contains($"compile\t{Path.Combine(sample.GeneratedFolder, file)}\n", outputsList, StringComparison.Ordinal));
        Assert.True(File.Exists(sample.App), "the app (which calls the generated classes) compiled");
    }

    [Fact]
    public void Sample_runs_the_split_pipeline_with_outputs_equal_to_the_unsplit_model_and_a_timing_table()
    {
        SampleCopy sample = BuiltSample.Of(feed).Succeeded();
        string saved = Path.Combine(sample.Folder, "in-process.runs");

        DotnetResult run = sample.Run("--runs", "2", "--save", saved).Succeeded();

        foreach (string row in new[] { "stage 0  glasses", "stage 1  phone", "stage 2  cloud", "0->1  glasses->phone", "1->2  phone->cloud" })
        {
            Assert.Contains(row, Regex.Replace(run.Output, " {2,}", "  "), StringComparison.Ordinal);
        }

        Match reported = Difference().Match(run.Output);
        Assert.True(reported.Success, run.Output);
        Assert.True(double.Parse(reported.Groups["rel"].Value, CultureInfo.InvariantCulture) <= SavedRuns.Rtol, run.Output);
        IReadOnlyList<Runtime.Transport.TensorMessage> runs = SavedRuns.Read(saved);
        Assert.Equal(2, runs.Count);
        SavedRuns.AssertEqualToUnsplitModel(sample.Model, runs);
    }

    [Fact]
    public void Second_build_skips_partitioning_and_a_CI_build_accepts_the_committed_plan()
    {
        SampleCopy sample = BuiltSample.Of(feed).Succeeded();
        string plan = File.ReadAllText(sample.Plan);

        DotnetResult second = sample.Build().Succeeded();

        Assert.True(second.Lines(RunSkipped) == 1, $"the partition target ran again:\n{second.Output}");
        Assert.True(second.Lines(CompileSkipped) == 1, $"CoreCompile ran again:\n{second.Output}");

        DotnetResult locked = sample.Build("-p:ContinuousIntegrationBuild=true").Succeeded().WithoutToolNoise();

        Assert.Equal(1, locked.Lines("--mode locked"));
        Assert.Equal(plan, File.ReadAllText(sample.Plan));
    }

    [Fact]
    public void An_edited_plan_fails_a_CI_build_with_PC0501_at_the_edited_value_and_is_not_rewritten()
    {
        feed.EnsurePacked();
        var sample = new SampleCopy(feed, "sample-edited-plan");
        string[] lines = File.ReadAllText(sample.Plan).Split('\n');
        int edited = Array.FindIndex(lines, l => l.Contains("\"device\": \"phone\"", StringComparison.Ordinal));
        Assert.True(edited >= 0, "the committed plan has a phone stage");
        lines[edited] = lines[edited].Replace("\"phone\"", "\"cloud\"", StringComparison.Ordinal);
        string text = string.Join('\n', lines);
        File.WriteAllText(sample.Plan, text);

        DotnetResult build = sample.Build("-p:ContinuousIntegrationBuild=true").Failed().WithoutToolNoise();

        Match error = Drift().Match(build.Output);
        Assert.True(error.Success, build.Output);
        Assert.Equal(sample.Plan, error.Groups["file"].Value);
        Assert.Equal(edited + 1, int.Parse(error.Groups["line"].Value, CultureInfo.InvariantCulture));
        Assert.Equal(text, File.ReadAllText(sample.Plan));
    }

    [Fact]
    public void A_broken_manifest_is_an_error_at_its_line_and_column()
    {
        feed.EnsurePacked();
        var sample = new SampleCopy(feed, "sample-broken-manifest");
        string[] lines = File.ReadAllText(sample.Manifest).Split('\n');
        int broken = Array.FindIndex(lines, l => l.Contains("\"to\": \"cloud\"", StringComparison.Ordinal));
        Assert.True(broken >= 0, "the manifest has a link to the cloud");
        lines[broken] = lines[broken].Replace("\"to\": \"cloud\"", "\"to\": \"clod\"", StringComparison.Ordinal);
        File.WriteAllText(sample.Manifest, string.Join('\n', lines));

        DotnetResult build = sample.Build().Failed().WithoutToolNoise();

        Match error = ManifestError().Match(build.Output);
        Assert.True(error.Success, build.Output);
        Assert.Equal(sample.Manifest, error.Groups["file"].Value);
        Assert.Equal(broken + 1, int.Parse(error.Groups["line"].Value, CultureInfo.InvariantCulture));
        Assert.Equal(lines[broken].IndexOf("\"clod\"", StringComparison.Ordinal) + 1, int.Parse(error.Groups["column"].Value, CultureInfo.InvariantCulture));
        Assert.Contains("'clod'", error.Value, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"max abs difference (?<abs>\S+), max rel difference (?<rel>\S+)")]
    private static partial Regex Difference();

    [GeneratedRegex(@"^\s*(?:\d+>)?(?<file>\S+scene\.plan\.json)\((?<line>\d+),(?<column>\d+)\): error PC0501: plan 'scene\.plan\.json' is out of date: at \$\.stages\[1\]\.device ", RegexOptions.Multiline)]
    private static partial Regex Drift();

    [GeneratedRegex(@"^\s*(?:\d+>)?(?<file>\S+scene\.devices\.json)\((?<line>\d+),(?<column>\d+)\): error PC00\d\d: .*$", RegexOptions.Multiline)]
    private static partial Regex ManifestError();
}
