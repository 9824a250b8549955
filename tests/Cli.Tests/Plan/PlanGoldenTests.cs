using PartitionCompiler.Partitioning.Diagnostics;
using PartitionCompiler.Partitioning.Plan;
using PartitionCompiler.TestSupport;

namespace PartitionCompiler.Cli.Tests.Plan;

/// <summary>
/// Golden plans of two public corpus models (SqueezeNet 1.1 and ResNet-50) on the glasses / phone / cloud rig of
/// <see cref="PlanManifests.Rig"/>, their internal consistency, the memory limit that binds for ResNet-50, and
/// byte-identical output across runs.
/// </summary>
public sealed class PlanGoldenTests(ITestOutputHelper output) : IDisposable
{
    private static readonly GoldenFiles Golden = GoldenFiles.In("tests/Cli.Tests/Plan/Golden");

    private readonly PlanWorkspace _work = new();

    public void Dispose() => _work.Dispose();

    public static TheoryData<string, string> Models => new()
    {
        { "squeezenet", "light_squeezenet.onnx" },
        { "resnet50", "light_resnet50.onnx" },
    };

    /// <summary>Copies the corpus model to <c>models/</c>, writes <c>&lt;name&gt;.devices.json</c> and plans it.</summary>
    private static (PartitionPlan Plan, byte[] Bytes, string PlanPath) PlanCorpusModel(PlanWorkspace work, string name, string file, string? manifestText = null, params string[] extra)
    {
        work.CopyCorpusModel(file, "models/" + file);
        string manifest = work.Write(name + ".devices.json", manifestText ?? PlanManifests.Rig("models/" + file));
        var result = PlanWorkspace.Plan([manifest, .. extra]);
        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal("", result.Stderr);
        string planPath = work.File(name + ".plan.json");
        return (PlanWorkspace.ReadPlan(planPath), File.ReadAllBytes(planPath), planPath);
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void Corpus_plan_matches_its_golden_file(string name, string file)
    {
        var (plan, bytes, _) = PlanCorpusModel(_work, name, file);

        output.WriteLine($"{name}: {string.Join(" | ", plan.Stages.Select(s => $"{s.Device} ({s.PredictedMs:G4} ms)"))}; {plan.Predicted.LatencyMs:G6} ms");
        Golden.Check(name + ".plan.json", bytes);
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void Corpus_plan_is_consistent_with_its_model_and_manifest(string name, string file)
    {
        var (plan, _, planPath) = PlanCorpusModel(_work, name, file);
        var analyzed = Pipeline.Analyze(_work.File("models/" + file), [], new DiagnosticBag())!;
        var memory = new Dictionary<string, double> { ["glasses"] = 8 * 1024.0 * 1024, ["phone"] = 100 * 1024.0 * 1024 };

        // Each positioned node runs in exactly one stage, the stages in position order.
        int next = 0;
        foreach (var stage in plan.Stages)
        {
            int[] positions = [.. stage.Nodes.Select(k => analyzed.Graph.TryGetNode(k, out var node) ? node.Position : null).OfType<int>()];
            Assert.Equal(Enumerable.Range(next, positions.Length), positions);
            next += positions.Length;
            Assert.Equal(PlanWorkspace.Sha256(Path.Combine(Path.GetDirectoryName(planPath)!, stage.File)), stage.Sha256);
            double used = stage.ParameterBytes + stage.PeakActivationBytes;
            if (memory.TryGetValue(stage.Device, out double limit))
            {
                Assert.True(used <= limit, $"stage {stage.Index} needs {used} bytes on {stage.Device}");
                Assert.Equal(used / limit, stage.Sru, 5);
            }
            else
            {
                Assert.Equal(0, stage.Sru);
            }

            Assert.Equal(stage.PredictedMs / plan.Predicted.LatencyMs, stage.Cru, 5);
        }

        Assert.Equal(analyzed.Graph.PositionCount, next);

        // The prediction is the sum of the stages and transfers (each written to 6 significant digits).
        double latency = plan.Stages.Sum(s => s.PredictedMs) + plan.Transfers.Sum(t => t.PredictedMs);
        double energy = plan.Stages.Sum(s => s.EnergyJ) + plan.Transfers.Sum(t => t.EnergyJ);
        Assert.Equal(latency, plan.Predicted.LatencyMs, plan.Predicted.LatencyMs * 1e-5);
        Assert.Equal(energy, plan.Predicted.EnergyJ, plan.Predicted.EnergyJ * 1e-5);
        Assert.Equal(plan.Predicted.LatencyMs / 1000, plan.Predicted.Objective, 1e-9);

        // Data starts on the glasses and comes back to them; every transfer follows the stages' devices.
        string Device(int? stage, string end) => stage is int s ? plan.Stages.Single(x => x.Index == s).Device : end;
        Assert.All(plan.Transfers, t =>
        {
            Assert.Equal(Device(t.FromStage, "glasses"), t.Route[0]);
            Assert.Equal(Device(t.ToStage, "glasses"), t.Route[^1]);
            Assert.Equal(string.Join("->", t.Route), t.Link);
        });

        // K = 5: four alternatives, ranked 2..5, in non-decreasing objective, none better than the plan.
        Assert.Equal([2, 3, 4, 5], plan.Alternatives.Select(a => a.Rank));
        double previous = plan.Predicted.Objective;
        foreach (var alternative in plan.Alternatives)
        {
            Assert.True(alternative.Objective >= previous * (1 - 1e-6), $"rank {alternative.Rank}: {alternative.Objective} < {previous}");
            previous = alternative.Objective;
        }
    }

    [Fact]
    public void ResNet50_plan_is_shaped_by_the_phone_memory()
    {
        var (limited, _, _) = PlanCorpusModel(_work, "resnet50", "light_resnet50.onnx");
        using var free = new PlanWorkspace();
        var (unlimited, _, _) = PlanCorpusModel(free, "resnet50", "light_resnet50.onnx", PlanManifests.Rig("models/light_resnet50.onnx", phoneMemory: "1 TiB", glassesMemory: "1 TiB"));

        // Without limits the phone runs the whole model; its 102 MB of weights do not fit 100 MiB, so the limited plan
        // is another, slower one that respects every limit.
        var whole = Assert.Single(unlimited.Stages);
        Assert.Equal("phone", whole.Device);
        Assert.True(whole.ParameterBytes + whole.PeakActivationBytes > 100L * 1024 * 1024);
        Assert.NotEqual(unlimited.Stages.Select(s => s.Device), limited.Stages.Select(s => s.Device));
        Assert.True(limited.Predicted.LatencyMs > unlimited.Predicted.LatencyMs);
        Assert.All(limited.Stages, s => Assert.True(s.Sru <= 1, $"stage {s.Index}: sru {s.Sru}"));
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void Same_inputs_twice_give_identical_bytes(string name, string file)
    {
        using var other = new PlanWorkspace();
        PlanCorpusModel(_work, name, file, null, "--generated", _work.File("gen"));
        PlanCorpusModel(other, name, file, null, "--generated", other.File("gen"));

        var first = _work.Snapshot();
        Assert.Contains(name + ".plan.json", first.Keys);
        Assert.Contains(first.Keys, k => k.EndsWith(".stage0.onnx", StringComparison.Ordinal));
        Assert.Contains(first.Keys, k => k.StartsWith("gen/", StringComparison.Ordinal));
        Assert.Equal(first, other.Snapshot());
    }
}
