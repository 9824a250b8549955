using System.Globalization;
using PartitionCompiler.Partitioning.Collections;
using PartitionCompiler.Partitioning.Manifest;
using PartitionCompiler.Partitioning.Solver;
using QuikGraph;
using QuikGraph.Algorithms.RankedShortestPath;

namespace PartitionCompiler.Bench;

/// <summary>
/// Part (b) of the <c>solver</c> harness: whole K-best partition solves (layered graph, per-cut routes, lazy Eppstein,
/// every kept plan costed) on random models of 1k, 10k and 100k positions over 2, 3 and 5 devices.
/// </summary>
/// <remarks>
/// Weights (SplitMix64, seed 42 per size, so every run solves the same problems): FLOPs per position log-uniform in
/// [1e5, 1e9]; device speeds 2e8 (the source), 4e10, 4e9, 1e10, 1e11 FLOP/s; cut bytes log-uniform in [1e3, 1e7];
/// every ordered device pair linked with a rate log-uniform in [2.5e6, 1.25e8] B/s and a latency uniform in [1, 20] ms;
/// device powers 1.5, 3, 50, 10, 100 W and link power 0.3 W; objective latency, no sink, no memory limits.
/// </remarks>
internal static class SolverBenchPartition
{
    private static readonly double[] Speeds = [2e8, 4e10, 4e9, 1e10, 1e11];
    private static readonly double[] Powers = [1.5, 3, 50, 10, 100];

    public static void Run(int runs, int quikRuns)
    {
        Console.WriteLine("## (b) partition solves on layered graphs");
        Console.WriteLine();
        Console.WriteLine("Time of KspPartitionSolver.Solve: layered graph + per-cut routes + lazy Eppstein + the K plans costed.");
        Console.WriteLine("Random models: see SolverBenchPartition's remarks (SplitMix64 seed 42; objective latency; no memory limits).");
        Console.WriteLine();
        Console.WriteLine("| positions | devices | graph nodes | graph edges | K = 1 | K = 10 | K = 100 | best latency (s) |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|");
        foreach (int n in new[] { 1_000, 10_000, 100_000 })
        {
            foreach (int devices in new[] { 2, 3, 5 })
            {
                var problem = Problem(n, devices);
                var (dag, _, _) = KspPartitionSolver.BuildLayeredGraph(problem);
                var cells = new List<string>();
                double best = double.NaN;
                foreach (int k in new[] { 1, 10, 100 })
                {
                    var stats = SolverBenchTiming.Measure(2, runs, () => KspPartitionSolver.Solve(problem, k));
                    best = KspPartitionSolver.Solve(problem, k).Plans[0].LatencySeconds;
                    cells.Add(stats.ToString());
                }

                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {n:N0} | {devices} | {dag.NodeCount:N0} | {dag.EdgeCount:N0} | {cells[0]} | {cells[1]} | {cells[2]} | {best:G6} |"));
            }
        }

        Console.WriteLine();
        if (quikRuns > 0)
        {
            RunQuikGraph();
        }
    }

    /// <summary>The baseline in the same run: QuikGraph's Hoffman-Pavley on the same layered graphs (1k positions, K = 10).</summary>
    private static void RunQuikGraph()
    {
        Console.WriteLine("Baseline, same run: QuikGraph 2.5.0 Hoffman–Pavley on the same layered graph, 1,000 positions, K = 10, one run each, capped at 60 s.");
        Console.WriteLine();
        Console.WriteLine("| devices | ours, whole solve, median | QuikGraph Hoffman–Pavley, paths only | same K-th cost |");
        Console.WriteLine("|---|---|---|---|");
        foreach (int devices in new[] { 2, 3, 5 })
        {
            var problem = Problem(1_000, devices);
            var ours = SolverBenchTiming.Measure(2, 5, () => KspPartitionSolver.Solve(problem, 10));
            var solution = KspPartitionSolver.Solve(problem, 10);
            var (dag, source, target) = KspPartitionSolver.BuildLayeredGraph(problem);
            var quik = new BidirectionalGraph<int, TaggedEdge<int, double>>();
            quik.AddVertexRange(Enumerable.Range(0, dag.NodeCount));
            for (int e = 0; e < dag.EdgeCount; e++)
            {
                quik.AddEdge(new TaggedEdge<int, double>(dag.Tail(e), dag.Head(e), dag.Weight(e)));
            }

            double kth = double.NaN;
            double? ms = SolverBenchTiming.MeasureCapped(TimeSpan.FromSeconds(60), () =>
            {
                var hp = new HoffmanPavleyRankedShortestPathAlgorithm<int, TaggedEdge<int, double>>(quik, e => e.Tag) { ShortestPathCount = 10 };
                hp.Compute(source, target);
                kth = hp.ComputedShortestPaths.Select(p => p.Sum(e => e.Tag)).Last();
            });
            string theirs = ms is double t ? string.Create(CultureInfo.InvariantCulture, $"{t:F0} ms") : "TIMEOUT (> 60 s)";
            bool same = ms is not null && Math.Abs(kth - solution.Plans[^1].Objective) <= 1e-9 * Math.Abs(kth);
            Console.WriteLine($"| {devices} | {ours} | {theirs} | {(ms is null ? "—" : same ? "✓" : "✗")} |");
            if (ms is null)
            {
                break;
            }
        }

        Console.WriteLine();
    }

    internal static PartitionProblem Problem(int n, int devices)
    {
        var random = new SplitMix64(42);
        var seconds = new double[devices * n];
        var energy = new double[devices * n];
        for (int p = 0; p < n; p++)
        {
            double flops = random.LogUniform(1e5, 1e9);
            for (int d = 0; d < devices; d++)
            {
                seconds[(d * n) + p] = flops / Speeds[d];
                energy[(d * n) + p] = Powers[d] * seconds[(d * n) + p];
            }
        }

        var cuts = new ProblemCut[n + 1];
        for (int c = 0; c <= n; c++)
        {
            cuts[c] = new ProblemCut((long)random.LogUniform(1e3, 1e7), EquatableArray<string>.Empty);
        }

        var links = new List<ProblemLink>();
        for (int a = 0; a < devices; a++)
        {
            for (int b = 0; b < devices; b++)
            {
                if (a != b)
                {
                    links.Add(new ProblemLink(a, b, random.LogUniform(2.5e6, 1.25e8), 0.001 + (0.019 * random.NextDouble()), 0.3));
                }
            }
        }

        return new PartitionProblem(
            n,
            Enumerable.Range(0, n).Select(p => string.Create(CultureInfo.InvariantCulture, $"n{p}")).ToEquatableArray(),
            Enumerable.Range(0, devices).Select(d => new ProblemDevice(string.Create(CultureInfo.InvariantCulture, $"d{d}"), null, Powers[d])).ToEquatableArray(),
            links.ToEquatableArray(),
            seconds.ToEquatableArray(),
            energy.ToEquatableArray(),
            cuts.ToEquatableArray(),
            0,
            null,
            ObjectiveSpec.Latency,
            new NoMemory());
    }

    private sealed class NoMemory : ISegmentMemory
    {
        public SegmentMemory Measure(int first, int last) => default;
    }

    /// <summary>SplitMix64 (G. Steele, D. Lea, C. Flood, "Fast splittable pseudorandom number generators", OOPSLA 2014).</summary>
    private sealed class SplitMix64(ulong seed)
    {
        private ulong _state = seed;

        public double NextDouble()
        {
            ulong z = _state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            z ^= z >> 31;
            return (z >> 11) * (1.0 / (1UL << 53));
        }

        public double LogUniform(double low, double high) => low * Math.Pow(high / low, NextDouble());
    }
}
