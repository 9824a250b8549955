using System.Diagnostics;
using System.Globalization;
using PartitionCompiler.OnnxSplitter.Reading;
using PartitionCompiler.OnnxSplitter.SubModels;
using PartitionCompiler.OnnxSplitter.Tests.SubModels;
using PartitionCompiler.OnnxSplitter.Verification;
using PartitionCompiler.Partitioning.Diagnostics;
using PartitionCompiler.Partitioning.Plan;
using PartitionCompiler.TestSupport;
using PartitionCompiler.TestSupport.Partitions;

namespace PartitionCompiler.OnnxSplitter.Tests.Verification;

/// <summary>
/// The corpus checks of the proof on one model, with its weights re-filled with seeded random values (so a misrouted
/// tensor cannot pass): every single cut (or 100 seeded random ones above 250 positions) against one reference run, and
/// 20 seeded random three-device plans. Each check builds the stages and runs them; the worst error is kept.
/// </summary>
internal sealed class CorpusSweep
{
    /// <summary>Models with more positions get a seeded sample of single cuts instead of every one.</summary>
    public const int ExhaustiveLimit = 250;

    public const int SampledCuts = 100;

    public const int ThreeDevicePlans = 20;

    public const int WeightSeed = 7;

    private readonly OnnxModel _model;
    private readonly CutPlans _plans;
    private readonly ITestOutputHelper? _output;
    private readonly string _name;

    public CorpusSweep(string file, ITestOutputHelper? output)
    {
        _name = file;
        _output = output;
        var diagnostics = new DiagnosticBag();
        var original = OnnxModelReader.Read(Corpus.RequireModel(file), diagnostics);
        Assert.True(original is not null, Stages.Describe(diagnostics));
        _model = WeightRefill.Refill(original!, WeightSeed);
        _plans = new CutPlans(_model);
    }

    public int Positions => _plans.Positions;

    /// <summary>The single cuts to check: after every position 0..n-2, or a seeded sample of them.</summary>
    public IReadOnlyList<int> SingleCuts()
    {
        int n = _plans.Positions;
        if (n <= ExhaustiveLimit)
        {
            return Enumerable.Range(0, n - 1).ToList();
        }

        var random = new Random(n);
        var chosen = new SortedSet<int>();
        while (chosen.Count < SampledCuts)
        {
            chosen.Add(random.Next(0, n - 1));
        }

        return [.. chosen];
    }

    /// <summary>Seeded random pairs of cuts a &lt; b: plans glasses | phone | cloud.</summary>
    public IReadOnlyList<int[]> ThreeDeviceCuts()
    {
        int n = _plans.Positions;
        var random = new Random(1000 + n);
        var pairs = new List<int[]>();
        while (pairs.Count < ThreeDevicePlans)
        {
            int a = random.Next(0, n - 1);
            int b = random.Next(0, n - 1);
            if (a < b && !pairs.Exists(p => p[0] == a && p[1] == b))
            {
                pairs.Add([a, b]);
            }
        }

        return pairs;
    }

    /// <summary>Checks every plan against one reference run; returns the worst max abs and max rel error seen.</summary>
    public (double Abs, double Rel, string Where) Check(IReadOnlyList<int[]> cuts, VerificationOptions options, string label)
    {
        var clock = Stopwatch.StartNew();
        string[] devices = ["glasses", "phone", "cloud"];
        PartitionPlan PlanOf(int[] c) => c.Length == 2 ? _plans.Plan(c, devices) : _plans.Plan(c);
        var exposed = cuts.SelectMany(c => c).Distinct().SelectMany(_plans.ActivationsCrossing).Distinct().ToList();
        var diagnostics = new DiagnosticBag();
        using var session = VerificationSession.Create(_model, PlanOf(cuts[0]), exposed, options, diagnostics);
        Assert.True(session is not null, Stages.Describe(diagnostics));
        (double Abs, double Rel, string Where) worst = (0, 0, "");
        foreach (int[] cut in cuts)
        {
            var plan = PlanOf(cut);
            var set = SubModelBuilder.Build(_model, _plans.Graph, plan, diagnostics);
            Assert.True(set is not null, Stages.Describe(diagnostics));
            var report = session!.Check(plan, set!, diagnostics);
            string where = "cut " + string.Join("+", cut);
            Assert.True(report is { Passed: true }, $"{_name} {where}: {Stages.Describe(diagnostics)}");
            if (report!.WorstRel > worst.Rel || (report.WorstRel == worst.Rel && report.WorstAbs > worst.Abs))
            {
                var tensor = report.Tensors.MaxBy(t => t.MaxRel)!;
                worst = (Math.Max(worst.Abs, report.WorstAbs), report.WorstRel, $"{where}, tensor '{tensor.Name}'");
            }
            else
            {
                worst.Abs = Math.Max(worst.Abs, report.WorstAbs);
            }
        }

        _output?.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{_name}: {cuts.Count} {label} ({options.Sessions}, {options.Runs} run(s)) verified in {clock.Elapsed.TotalSeconds:F1} s; worst max abs {worst.Abs:G3}, worst max rel {worst.Rel:G3} ({worst.Where})"));
        return worst;
    }
}
