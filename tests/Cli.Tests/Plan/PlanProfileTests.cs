using System.Globalization;
using PartitionCompiler.TestSupport;

namespace PartitionCompiler.Cli.Tests.Plan;

/// <summary><c>partc plan</c> with device profiles: measured times replace FLOP estimates; bad profiles are reported.</summary>
public sealed class PlanProfileTests : IDisposable
{
    private const int Nodes = 6;

    private readonly PlanWorkspace _work = new();

    public void Dispose() => _work.Dispose();

    /// <summary>The chain model and a one-device manifest naming <c>profiles/solo.profile.json</c>.</summary>
    private (string Manifest, string ModelSha) Project()
    {
        string model = _work.WriteModel("model.onnx", ModelRecipes.Chain(Nodes));
        string manifest = _work.Write("m.devices.json", PlanManifests.OneDevice("model.onnx", profile: "profiles/solo.profile.json"));
        return (manifest, PlanWorkspace.Sha256(model));
    }

    private string Profile(string sha, string nodes) => _work.Write("profiles/solo.profile.json", $$"""
        {
          "formatVersion": 1,
          "device": "solo",
          "model": { "sha256": "{{sha}}" },
          "unit": "ms",
          "nodes": { {{nodes}} }
        }
        """);

    private static string EveryNode(double ms) =>
        string.Join(", ", Enumerable.Range(0, Nodes).Select(i => string.Create(CultureInfo.InvariantCulture, $"\"n{i}\": {{ \"median\": {ms} }}")));

    [Fact]
    public void Profiled_node_times_replace_the_FLOP_estimate_in_the_plan()
    {
        var (manifest, sha) = Project();
        Profile(sha, EveryNode(2.5));

        var result = PlanWorkspace.Plan(manifest);

        Assert.Equal((0, ""), (result.ExitCode, result.Stderr));
        var plan = PlanWorkspace.ReadPlan(_work.File("m.plan.json"));
        var stage = Assert.Single(plan.Stages);
        Assert.Equal(Nodes * 2.5, stage.PredictedMs, 9);
        Assert.Equal(Nodes * 2.5, plan.Predicted.LatencyMs, 9);

        Profile(sha, EveryNode(1));
        Assert.Equal(0, PlanWorkspace.Plan(manifest).ExitCode);
        Assert.Equal(Nodes * 1.0, PlanWorkspace.ReadPlan(_work.File("m.plan.json")).Predicted.LatencyMs, 9);
    }

    [Fact]
    public void PC0204_profile_of_another_model_is_a_warning_at_its_sha256_and_is_ignored()
    {
        var (manifest, _) = Project();
        string profile = Profile(new string('a', 64), EveryNode(2.5));

        var result = PlanWorkspace.Plan(manifest);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["PC0204"], result.Codes);
        Assert.StartsWith($"{profile}(4,", Assert.Single(result.StderrLines));
        Assert.True(PlanWorkspace.ReadPlan(_work.File("m.plan.json")).Predicted.LatencyMs < 1, "FLOPs / 1 GFLOP/s of a tiny chain is far below 1 ms");
    }

    [Fact]
    public void PC0205_profile_entry_for_a_node_the_model_lacks_is_a_warning_and_the_rest_is_used()
    {
        var (manifest, sha) = Project();
        string profile = Profile(sha, EveryNode(2.5) + ",\n    \"ghost\": { \"median\": 9 }");

        var result = PlanWorkspace.Plan(manifest);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["PC0205"], result.Codes);
        Assert.StartsWith($"{profile}(7,", Assert.Single(result.StderrLines));
        Assert.Equal(Nodes * 2.5, PlanWorkspace.ReadPlan(_work.File("m.plan.json")).Predicted.LatencyMs, 9);
    }

    [Fact]
    public void PC0201_profile_that_is_not_JSON_fails_at_its_line()
    {
        var (manifest, _) = Project();
        string profile = _work.Write("profiles/solo.profile.json", "{\n  \"formatVersion\": 1,\n  \"device\": solo\n}\n");

        var result = PlanWorkspace.Plan(manifest);

        result.FailsWith("PC0201");
        Assert.StartsWith($"{profile}(3,", result.StderrLines[0]);
        Assert.False(File.Exists(_work.File("m.plan.json")));
    }
}
