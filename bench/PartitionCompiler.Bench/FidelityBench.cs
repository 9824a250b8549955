using System.Diagnostics;
using System.Globalization;
using PartitionCompiler.OnnxSplitter.Reading;
using PartitionCompiler.OnnxSplitter.SubModels;
using PartitionCompiler.OnnxSplitter.Verification;
using PartitionCompiler.Partitioning.Diagnostics;
using PartitionCompiler.Partitioning.Plan;
using PartitionCompiler.TestSupport;
using PartitionCompiler.TestSupport.Partitions;

namespace PartitionCompiler.Bench;

/// <summary>
/// The exhaustive proof sweep over the public models, weights re-filled with seeded random values: every single cut
/// (not a sample) and <c>--plans</c> seeded random three-device plans, each built and run against the original in ONNX
/// Runtime on <c>--runs</c> inputs. It runs with the default sessions applications use and, as the baseline in the same
/// run, with plain sessions (each node as written: the stages run exactly the original's kernels, so any error there
/// would be a routing fault, not rounding). Prints one row per model and profile with the worst max abs and max rel
/// error and where it occurred; exits 1 if any check fails. Usage:
/// <c>fidelity [--models a.onnx,b.onnx] [--runs N] [--plans N] [--profiles default,plain]</c>.
/// </summary>
internal static class FidelityBench
{
    public static int Run(string[] args)
    {
        var models = Corpus.ModelFiles.ToList();
        int runs = 3;
        int plans = 20;
        var profiles = new List<SessionProfile> { SessionProfile.Default, SessionProfile.Plain };
        for (int i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--models":
                    models = [.. args[i + 1].Split(',', StringSplitOptions.RemoveEmptyEntries)];
                    break;
                case "--runs":
                    runs = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
                    break;
                case "--plans":
                    plans = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
                    break;
                case "--profiles":
                    profiles = [.. args[i + 1].Split(',').Select(p => Enum.Parse<SessionProfile>(p, ignoreCase: true))];
                    break;
            }
        }

        string? folder = Corpus.Locate();
        if (folder is null)
        {
            Console.Error.WriteLine($"The public model corpus was not found at '{Corpus.ExpectedFolder}' (set {Corpus.FolderVariable}).");
            return 1;
        }

        Console.WriteLine(FormattableString.Invariant(
            $"Every single cut and {plans} random three-device plans per model; weights re-filled (seed 7); {runs} input(s) per check (seed 42); tolerance 1e-6 + 1e-5 * max|ref|"));
        Console.WriteLine();
        Console.WriteLine("| model | positions | sessions | checks | failed | worst max abs | worst max rel | where | seconds |");
        Console.WriteLine("|---|---:|---|---:|---:|---:|---:|---|---:|");
        bool allPassed = true;
        foreach (string file in models)
        {
            var diagnostics = new DiagnosticBag();
            var original = OnnxModelReader.Read(Path.Combine(folder, file), diagnostics);
            if (original is null)
            {
                Console.Error.WriteLine(string.Join("\n", diagnostics.Items));
                return 1;
            }

            var model = WeightRefill.Refill(original, 7);
            var cutPlans = new CutPlans(model);
            var checks = Checks(cutPlans, plans);
            foreach (var profile in profiles)
            {
                var row = Sweep(model, cutPlans, checks, new VerificationOptions { Runs = runs, Sessions = profile });
                allPassed &= row.Failed == 0;
                Console.WriteLine(FormattableString.Invariant(
                    $"| {file} | {cutPlans.Positions} | {profile} | {checks.Count} | {row.Failed} | {row.Abs:G3} | {row.Rel:G3} | {row.Where} | {row.Seconds:F0} |"));
            }
        }

        return allPassed ? 0 : 1;
    }

    /// <summary>Every single cut, then seeded random pairs of cuts (three stages on glasses, phone, cloud).</summary>
    private static List<int[]> Checks(CutPlans plans, int count)
    {
        int n = plans.Positions;
        var checks = Enumerable.Range(0, n - 1).Select(k => new[] { k }).ToList();
        var random = new Random(1000 + n);
        var pairs = new HashSet<(int, int)>();
        while (pairs.Count < Math.Min(count, (n - 1) * (n - 2) / 2))
        {
            int a = random.Next(0, n - 1);
            int b = random.Next(0, n - 1);
            if (a < b && pairs.Add((a, b)))
            {
                checks.Add([a, b]);
            }
        }

        return checks;
    }

    private static (int Failed, double Abs, double Rel, string Where, double Seconds) Sweep(
        OnnxSplitter.Reading.OnnxModel model, CutPlans plans, List<int[]> checks, VerificationOptions options)
    {
        var clock = Stopwatch.StartNew();
        string[] devices = ["glasses", "phone", "cloud"];
        PartitionPlan PlanOf(int[] cuts) => cuts.Length == 2 ? plans.Plan(cuts, devices) : plans.Plan(cuts);
        var exposed = checks.SelectMany(c => c).Distinct().SelectMany(plans.ActivationsCrossing).Distinct().ToList();
        var diagnostics = new DiagnosticBag();
        using var session = VerificationSession.Create(model, PlanOf(checks[0]), exposed, options, diagnostics);
        if (session is null)
        {
            Console.Error.WriteLine(string.Join("\n", diagnostics.Items));
            return (checks.Count, double.NaN, double.NaN, "reference run failed", clock.Elapsed.TotalSeconds);
        }

        int failed = 0;
        double worstAbs = 0;
        double worstRel = 0;
        string where = "";
        for (int i = 0; i < checks.Count; i++)
        {
            var plan = PlanOf(checks[i]);
            var checkDiagnostics = new DiagnosticBag();
            var set = SubModelBuilder.Build(model, plans.Graph, plan, checkDiagnostics);
            var report = set is null ? null : session.Check(plan, set, checkDiagnostics);
            string label = "cut " + string.Join("+", checks[i]);
            if (report is not { Passed: true })
            {
                failed++;
                Console.Error.WriteLine($"{label}: {string.Join("\n", checkDiagnostics.Items)}");
            }

            if (report is not null)
            {
                worstAbs = Math.Max(worstAbs, report.WorstAbs);
                if (report.WorstRel > worstRel)
                {
                    worstRel = report.WorstRel;
                    where = $"{label} '{report.Tensors.MaxBy(t => t.MaxRel)!.Name}'";
                }
            }

            if ((i + 1) % 50 == 0)
            {
                Console.Error.WriteLine(FormattableString.Invariant($"  {options.Sessions}: {i + 1}/{checks.Count} checks, {clock.Elapsed.TotalSeconds:F0} s"));
            }
        }

        return (failed, worstAbs, worstRel, where.Length == 0 ? "-" : where, clock.Elapsed.TotalSeconds);
    }
}
