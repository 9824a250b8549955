using System.Diagnostics;
using System.Globalization;
using PartitionCompiler.OnnxSplitter.Reading;
using PartitionCompiler.Partitioning.Diagnostics;
using PartitionCompiler.Partitioning.Manifest;
using PartitionCompiler.Partitioning.Plan;
using PartitionCompiler.Partitioning.Profiles;
using PartitionCompiler.Partitioning.Solver;
using PartitionCompiler.Partitioning.Tests.Costs;
using PartitionCompiler.Partitioning.Tests.Solver;

namespace PartitionCompiler.Partitioning.Tests.Plan;

/// <summary>Every corpus model planned over three devices with tight memory: valid, deterministic, round-trippable.</summary>
public sealed class CorpusPlanTests(ITestOutputHelper output)
{
    private const string Manifest = """
        {
          "devices": [
            { "name": "glasses", "compute": "2.23e8 FLOP/s", "memory": "8 MiB", "power": "1.5 W" },
            { "name": "phone", "compute": "40 GFLOP/s", "memory": "96 MiB", "power": "3 W" },
            { "name": "cloud", "compute": "4.32e9 FLOP/s", "power": "50 W" }
          ],
          "links": [
            { "from": "glasses", "to": "phone", "bandwidth": "20 Mbit/s", "latency": "3 ms", "power": "0.3 W", "bidirectional": true },
            { "from": "phone", "to": "cloud", "bandwidth": "50 Mbit/s", "latency": "20 ms", "power": "0.5 W", "bidirectional": true }
          ],
          "source": "glasses",
          "sink": "glasses",
          "alternatives": 5
        }
        """;

    public static TheoryData<string> CorpusModels => Corpus.Models;

    [Theory]
    [MemberData(nameof(CorpusModels))]
    public void Corpus_model_plans_are_valid_deterministic_and_round_trip(string file)
    {
        string path = Corpus.RequireModel(file);
        var bag = new DiagnosticBag();
        var model = OnnxModelReader.Read(path, bag);
        Assert.True(model is not null, string.Join("\n", bag.Items));
        var (graph, types, costs) = ReferenceNetworkTests.Analyse(model!.Spec, model.Location, bag);
        var manifest = ManifestParser.Parse(Manifest, "corpus.devices.json", bag);
        Assert.NotNull(manifest);
        var inputs = new KspPlanInputs(graph, types, costs, manifest!, new Dictionary<string, DeviceProfile>(),
            "models/" + file, new string('0', 64), new string('0', 64));

        long start = Stopwatch.GetTimestamp();
        var result = KspPlanner.Plan(inputs);
        double ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;

        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        var planGraph = PlanGraphFactory.FromGraph(graph, types, costs);
        var problem = PartitionProblemBuilder.Build(planGraph, costs, manifest!, new Dictionary<string, DeviceProfile>());
        SolverInvariants.Check(problem, result.Solution);
        var bytes = PlanJsonWriter.Write(result.Plan!);
        Assert.Equal(bytes, PlanJsonWriter.Write(KspPlanner.Plan(inputs).Plan!));
        var read = PlanJsonReader.Read(bytes, "corpus.plan.json");
        Assert.Empty(read.Diagnostics);
        Assert.Equal(bytes, PlanJsonWriter.Write(read.Plan!));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{file}: n = {graph.PositionCount}, {result.Solution.Examined} paths examined, {ms:F1} ms; best {result.Solution.Plans[0].Describe(["glasses", "phone", "cloud"])}, {result.Plan!.Predicted.LatencyMs:G6} ms"));
    }

    [Theory]
    [MemberData(nameof(CorpusModels))]
    public void Cost_model_segments_never_need_less_memory_than_a_position_inside(string file)
    {
        string path = Corpus.RequireModel(file);
        var bag = new DiagnosticBag();
        var model = OnnxModelReader.Read(path, bag);
        Assert.True(model is not null, string.Join("\n", bag.Items));
        var (graph, _, costs) = ReferenceNetworkTests.Analyse(model!.Spec, model.Location, bag);
        var random = new Random(1);
        int n = graph.PositionCount;
        for (int trial = 0; trial < 2000; trial++)
        {
            int first = random.Next(n);
            int last = random.Next(first, n);
            int inside = random.Next(first, last + 1);
            long segment = costs.SegmentParameterBytes(first, last) + costs.SegmentPeakActivationBytes(first, last);
            long single = costs.SegmentParameterBytes(inside, inside) + costs.SegmentPeakActivationBytes(inside, inside);
            Assert.True(single <= segment, $"positions {first}..{last} need {segment} B, position {inside} alone {single} B");
        }
    }
}
