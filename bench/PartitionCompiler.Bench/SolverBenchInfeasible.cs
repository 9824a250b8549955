using System.Diagnostics;
using System.Globalization;
using PartitionCompiler.Partitioning.Collections;
using PartitionCompiler.Partitioning.Manifest;
using PartitionCompiler.Partitioning.Solver;

namespace PartitionCompiler.Bench;

/// <summary>
/// Part (c) of the <c>solver</c> harness: chains whose memory limits rule out every plan, so the solver examines its
/// whole path bound (10^6 paths) before PC0302. Times the default decoding (each path read from its sidetracks) beside
/// <see cref="KspSolverOptions.ReferenceDecoding"/> (each path read position by position) in the same run, and checks
/// that both give the same diagnostic.
/// </summary>
/// <remarks>
/// The chain mirrors <c>ModelRecipes.Chain</c> on [1, 64] float32: every position moves 256 bytes, even positions
/// (Add, Mul) own a 256-byte weight, a stage's peak is 512 bytes (a node's input and output). Devices: 1, 2 and 100
/// GFLOP/s, each with 512 KiB per 20,000 positions (n = 20,000: 512 KiB each, 1.5 MiB together for 2.56 MB of weights); links 1 Gbit/s, 1 ms, both ways, between devices 0-1 and 1-2; data starts on device 0; no
/// sink; latency objective; 64 FLOPs per position.
/// </remarks>
internal static class SolverBenchInfeasible
{

    public static void Run(int runs, int referenceRuns)
    {
        Console.WriteLine("## (c) memory rules out every plan (PC0302 after the 10^6-path bound)");
        Console.WriteLine();
        Console.WriteLine("Time of KspPartitionSolver.Solve (K = 5) on chains that no plan fits: see SolverBenchInfeasible's remarks.");
        Console.WriteLine($"Ours: median (min–max) of {runs} runs after warm-up. Reference decoding (KspSolverOptions.ReferenceDecoding, the");
        Console.WriteLine($"position-by-position decoding of every path), same run: median (min–max) of {referenceRuns} runs, no warm-up.");
        Console.WriteLine();
        Console.WriteLine("| positions | devices | paths examined | ours | reference decoding | ratio | same PC0302 |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        foreach (int n in new[] { 2_000, 20_000 })
        {
            var problem = Problem(n);
            var ours = SolverBenchTiming.Measure(2, runs, () => KspPartitionSolver.Solve(problem, 5));
            var solution = KspPartitionSolver.Solve(problem, 5);
            var reference = KspSolverOptions.Default with { ReferenceDecoding = true };
            var samples = new double[referenceRuns];
            KspSolution? slow = null;
            for (int r = 0; r < referenceRuns; r++)
            {
                long start = Stopwatch.GetTimestamp();
                slow = KspPartitionSolver.Solve(problem, 5, reference);
                samples[r] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            }

            Array.Sort(samples);
            var slowStats = new SolverBenchTiming.Stats(samples[samples.Length / 2], samples[0], samples[^1]);
            bool same = slow is not null && solution.Diagnostics.SequenceEqual(slow.Diagnostics) && slow.Examined == solution.Examined
                && solution.Diagnostics.Length == 1 && solution.Diagnostics[0].Code == "PC0302";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {n:N0} | 3 | {solution.Examined:N0} | {ours} | {slowStats} | {slowStats.Median / ours.Median:F0}× | {(same ? "✓" : "✗")} |"));
        }

        Console.WriteLine();
    }

    internal static PartitionProblem Problem(int n)
    {
        double[] speeds = [1e9, 2e9, 1e11];
        const double flops = 64;
        var seconds = new double[3 * n];
        for (int d = 0; d < 3; d++)
        {
            Array.Fill(seconds, flops / speeds[d], d * n, n);
        }

        var links = new List<ProblemLink>();
        foreach (var (a, b) in new[] { (0, 1), (1, 0), (1, 2), (2, 1) })
        {
            links.Add(new ProblemLink(a, b, 1e9 / 8, 0.001, 0));
        }

        return new PartitionProblem(
            n,
            Enumerable.Range(0, n).Select(p => string.Create(CultureInfo.InvariantCulture, $"n{p}")).ToEquatableArray(),
            Enumerable.Range(0, 3).Select(d => new ProblemDevice(string.Create(CultureInfo.InvariantCulture, $"d{d}"), 512L * 1024 * n / 20_000, 0)).ToEquatableArray(),
            links.ToEquatableArray(),
            seconds.ToEquatableArray(),
            new double[3 * n].ToEquatableArray(),
            Enumerable.Range(0, n + 1).Select(_ => new ProblemCut(256, EquatableArray<string>.Empty)).ToEquatableArray(),
            0,
            null,
            ObjectiveSpec.Latency,
            new ChainMemory());
    }

    /// <summary>256 weight bytes at every even position, a 512-byte peak: O(1) per stage.</summary>
    private sealed class ChainMemory : ISegmentMemory
    {
        public SegmentMemory Measure(int first, int last) =>
            new((((last + 2) / 2) - ((first + 1) / 2)) * 256L, 512);
    }
}
