using System.Globalization;
using PartitionCompiler.OnnxSplitter.Reading;
using PartitionCompiler.OnnxSplitter.SubModels;
using PartitionCompiler.OnnxSplitter.Tests.SubModels;
using PartitionCompiler.OnnxSplitter.Verification;
using PartitionCompiler.Partitioning.Costs;
using PartitionCompiler.Partitioning.Diagnostics;
using PartitionCompiler.Partitioning.Graph;
using PartitionCompiler.Partitioning.Manifest;
using PartitionCompiler.Partitioning.Plan;
using PartitionCompiler.Partitioning.Profiles;
using PartitionCompiler.Partitioning.Shapes;
using PartitionCompiler.TestSupport;
using PartitionCompiler.TestSupport.Partitions;

namespace PartitionCompiler.OnnxSplitter.Tests.Verification;

/// <summary>
/// Plans made by the real pipeline (shape inference, cost model, K shortest paths) over three devices whose memory
/// forces the model apart (at least two stages): their stages build, write to a folder whose hashes the plan records, round-trip through the
/// plan file, and prove against the original.
/// </summary>
public sealed class KspPlanVerificationTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    public static TheoryData<string> Models => ["light_squeezenet.onnx", "light_inception_v1.onnx", "light_resnet50.onnx"];

    [Theory]
    [MemberData(nameof(Models))]
    public void The_solver_s_plan_emits_stages_that_compute_the_original(string file)
    {
        var diagnostics = new DiagnosticBag();
        var model = WeightRefill.Refill(OnnxModelReader.Read(Corpus.RequireModel(file), diagnostics)!, CorpusSweep.WeightSeed);
        var graph = GraphBuilder.Build(model.Spec, model.Location, diagnostics)!;
        var types = ShapeInference.Infer(graph, [], diagnostics);
        var costs = CostModel.Compute(graph, types);
        var manifest = ManifestParser.Parse(Manifest(costs), "net.devices.json", diagnostics);
        Assert.True(manifest is not null, Stages.Describe(diagnostics));
        var result = KspPlanner.Plan(new KspPlanInputs(graph, types, costs, manifest!, new Dictionary<string, DeviceProfile>(),
            Path.GetFileName(model.Path), model.Sha256, new string('0', 64)));
        Assert.True(result.Plan is not null && !result.HasErrors, string.Join("\n", result.Diagnostics));
        var plan = result.Plan!;
        Assert.True(plan.Stages.Count >= 2, $"the plan has {plan.Stages.Count} stage(s)");

        var set = SubModelBuilder.Build(model, graph, plan, diagnostics);
        Assert.True(set is not null, Stages.Describe(diagnostics));
        var recorded = StageFiles.Write(set!, plan, _folder.Path);
        byte[] json = PlanJsonWriter.Write(recorded);
        var reread = PlanJsonReader.Read(json, "net.plan.json");
        Assert.Equal(json, PlanJsonWriter.Write(reread.Plan!));

        var report = PlanVerifier.Verify(model, reread.Plan!, _folder.Path, new VerificationOptions { Runs = 1 }, diagnostics);

        Assert.True(report is { Passed: true }, Stages.Describe(diagnostics));
        Assert.Equal(plan.Stages.Sum(s => s.Outputs.Count), report!.Tensors.Count);
        Assert.Equal(plan.Stages.Select(s => s.Device), report.Stages.Select(s => s.Device));
    }

    /// <summary>Three devices in a row, each with memory for 45% of the model's parameters (and all its activations).</summary>
    private static string Manifest(GraphCosts costs)
    {
        long memory = (long)(costs.TotalParameterBytes * 0.45) + costs.SegmentPeakActivationBytes(0, costs.PositionCount - 1);
        string bytes = memory.ToString(CultureInfo.InvariantCulture);
        return $$"""
            {
              "devices": [
                { "name": "glasses", "compute": "2 GFLOP/s", "memory": {{bytes}} },
                { "name": "phone", "compute": "20 GFLOP/s", "memory": {{bytes}} },
                { "name": "cloud", "compute": "200 GFLOP/s", "memory": {{bytes}} }
              ],
              "links": [
                { "from": "glasses", "to": "phone", "bandwidth": "100 Mbit/s", "latency": "2 ms" },
                { "from": "phone", "to": "cloud", "bandwidth": "50 Mbit/s", "latency": "10 ms" }
              ],
              "source": "glasses",
              "sink": "cloud"
            }
            """;
    }
}
