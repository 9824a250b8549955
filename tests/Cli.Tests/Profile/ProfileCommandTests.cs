using PartitionCompiler.Cli.Tests.Plan;
using PartitionCompiler.Partitioning.Diagnostics;
using PartitionCompiler.Partitioning.Profiles;
using PartitionCompiler.TestSupport;

namespace PartitionCompiler.Cli.Tests.Profile;

/// <summary><c>partc profile</c>: ONNX Runtime's per-node times as a profile file that a manifest can name.</summary>
public sealed class ProfileCommandTests : IDisposable
{
    private const int Nodes = 12;

    private readonly PlanWorkspace _work = new();

    public void Dispose() => _work.Dispose();

    private (string Model, string Profile) Profiled()
    {
        string model = _work.WriteModel("model.onnx", ModelRecipes.Chain(Nodes));
        string profile = _work.File("profiles/solo.profile.json");
        var result = Partc.Run("profile", model, "--device-name", "solo", "--out", profile, "--runs", "3", "--warmup", "1");
        Assert.Equal((0, ""), (result.ExitCode, result.Stderr));
        Assert.Contains("solo: 12 nodes, 3 timed run(s) after 1 warm-up", result.Stdout);
        return (model, profile);
    }

    [Fact]
    public void Written_profile_parses_and_times_every_positioned_node_of_the_model()
    {
        var (model, path) = Profiled();

        var bag = new DiagnosticBag();
        var profile = ProfileParser.Parse(File.ReadAllBytes(path), path, bag);

        Assert.Empty(bag.Items);
        Assert.NotNull(profile);
        Assert.Equal("solo", profile.Device);
        Assert.Equal(PlanWorkspace.Sha256(model), profile.ModelSha256);
        Assert.Equal(Enumerable.Range(0, Nodes).Select(i => $"n{i}").Order(StringComparer.Ordinal), profile.Nodes.Keys);
        Assert.All(profile.Nodes.Values, t => Assert.True(t.P10 <= t.Median && t.Median <= t.P90 && t.Median >= 0, t.ToString()));
        Assert.Contains(profile.Nodes.Values, t => t.Median > 0);
    }

    [Fact]
    public void A_manifest_naming_the_written_profile_plans_with_the_measured_times()
    {
        var (_, path) = Profiled();
        string manifest = _work.Write("m.devices.json", PlanManifests.OneDevice("model.onnx", profile: "profiles/solo.profile.json"));
        string estimated = _work.Write("estimated.devices.json", PlanManifests.OneDevice("model.onnx"));
        var profile = ProfileParser.Parse(File.ReadAllBytes(path), path, new DiagnosticBag())!;

        Assert.Equal(0, PlanWorkspace.Plan(manifest).ExitCode);
        Assert.Equal(0, PlanWorkspace.Plan(estimated).ExitCode);

        double measuredMs = profile.Nodes.Values.Sum(t => t.Median) * 1e3;
        var measured = PlanWorkspace.ReadPlan(_work.File("m.plan.json"));
        var guessed = PlanWorkspace.ReadPlan(_work.File("estimated.plan.json"));
        Assert.Equal(measuredMs, measured.Predicted.LatencyMs, measuredMs * 1e-5);
        Assert.NotEqual(guessed.Predicted.LatencyMs, measured.Predicted.LatencyMs);
        Assert.Equal(guessed.Stages.Select(s => s.Flops), measured.Stages.Select(s => s.Flops));
    }

    [Fact]
    public void Device_name_is_required_and_runs_must_be_positive()
    {
        string model = _work.WriteModel("model.onnx", ModelRecipes.Chain(2));

        Partc.Run("profile", model).FailsWith("PC0050");
        Partc.Run("profile", model, "--device-name", "solo", "--runs", "0").FailsWith("PC0051");
        Partc.Run("profile", model, "--device-name", " ").FailsWith("PC0051");
    }

    [Fact]
    public void Unpinned_input_dim_is_PC0123_and_a_pin_fixes_it()
    {
        string model = _work.WriteModel("model.onnx", new OnnxModelBuilder().Input("x", Partitioning.Graph.ElementType.Float32, 1, Partitioning.Graph.Dim.Symbolic("n"))
            .Node("Relu", ["x"], ["y"], "relu").Output("y", Partitioning.Graph.ElementType.Float32, 1, Partitioning.Graph.Dim.Symbolic("n")));
        string profile = _work.File("p.json");

        Partc.Run("profile", model, "--device-name", "solo", "--out", profile).FailsWith("PC0123");
        Assert.Equal(0, Partc.Run("profile", model, "--device-name", "solo", "--out", profile, "--input", "x=1x16", "--runs", "1").ExitCode);
        Assert.True(File.Exists(profile));
    }
}
