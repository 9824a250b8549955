using System.Globalization;
using System.Text.RegularExpressions;
using PartitionCompiler.TestSupport;

namespace PartitionCompiler.Bench;

/// <summary>
/// What PartitionCompiler adds to a no-op build. Packs the packages, creates a consumer that partitions a model but
/// does not call the generated code and, as the baseline, a copy that references only <c>PartitionCompiler.Runtime</c>
/// (<see cref="BuildOverheadConsumers"/>), restores and builds each once, then times interleaved no-op
/// <c>dotnet build --no-restore</c> runs of both (the order alternating per pair). Prints every run, the medians, the
/// median of the per-pair ratios with its interquartile range, and checks that the partition target was skipped.
/// Usage: <c>build-overhead [--runs N] [--keep]</c> (default 15 runs each; <c>--keep</c> leaves the temp folder).
/// </summary>
internal static partial class BuildOverheadBench
{
    private const string RunSkipped = "Skipping target \"_PartitionCompiler_Run\" because all output files are up-to-date";

    public static int Run(string[] args)
    {
        int runs = 15;
        bool keep = false;
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--runs" when i + 1 < args.Length:
                    runs = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--keep":
                    keep = true;
                    break;
                default:
                    Console.WriteLine($"unknown option {args[i]}; usage: build-overhead [--runs N] [--keep]");
                    return 1;
            }
        }

        string? repository = RepositoryFiles.FindRoot(Directory.GetCurrentDirectory()) ?? RepositoryFiles.FindRoot(AppContext.BaseDirectory);
        if (repository is null)
        {
            Console.WriteLine("run this from inside the repository (no PartitionCompiler.sln above the current folder)");
            return 1;
        }

        BuildOverheadConsumers? consumers = BuildOverheadConsumers.Create(repository);
        if (consumers is null)
        {
            return 1;
        }

        try
        {
            return Measure(consumers, runs);
        }
        finally
        {
            if (keep)
            {
                Console.WriteLine($"kept {consumers.Root}");
            }
            else
            {
                consumers.Dispose();
            }
        }
    }

    private static int Measure(BuildOverheadConsumers consumers, int runs)
    {
        foreach (string project in new[] { consumers.Partitioned, consumers.RuntimeOnly })
        {
            var (exit, output, ms) = BuildOverheadConsumers.RunDotnet(project, "build", "-nodeReuse:false", "-tl:off", "-v:q", "-nologo");
            Console.WriteLine(FormattableString.Invariant($"first build (restore included) of {Path.GetFileName(project)}: {ms:F0} ms"));
            if (exit != 0)
            {
                Console.WriteLine(output);
                return 1;
            }
        }

        Console.WriteLine();
        Console.WriteLine($"no-op `dotnet build --no-restore` (node reuse off), {runs} interleaved runs each, wall ms");
        Console.WriteLine();
        Console.WriteLine("| run | order | partitioned | runtime-only | ratio |");
        Console.WriteLine("|---:|---|---:|---:|---:|");
        var partitioned = new double[runs];
        var runtimeOnly = new double[runs];
        for (int run = 0; run < runs; run++)
        {
            bool partitionedFirst = run % 2 == 0;
            if (partitionedFirst)
            {
                partitioned[run] = NoOpBuild(consumers.Partitioned);
                runtimeOnly[run] = NoOpBuild(consumers.RuntimeOnly);
            }
            else
            {
                runtimeOnly[run] = NoOpBuild(consumers.RuntimeOnly);
                partitioned[run] = NoOpBuild(consumers.Partitioned);
            }

            Console.WriteLine(FormattableString.Invariant(
                $"| {run + 1} | {(partitionedFirst ? "P, R" : "R, P")} | {partitioned[run]:F0} | {runtimeOnly[run]:F0} | {partitioned[run] / runtimeOnly[run]:F3} |"));
        }

        double[] ratios = [.. partitioned.Zip(runtimeOnly, (p, r) => p / r)];
        Console.WriteLine();
        double medianP = Quantile(partitioned, 0.5);
        double medianR = Quantile(runtimeOnly, 0.5);
        Console.WriteLine(FormattableString.Invariant(
            $"median partitioned {medianP:F0} ms (min {partitioned.Min():F0}, max {partitioned.Max():F0}); median runtime-only {medianR:F0} ms (min {runtimeOnly.Min():F0}, max {runtimeOnly.Max():F0})"));
        Console.WriteLine(FormattableString.Invariant(
            $"ratio of the medians {medianP / medianR:F3}; per-pair ratios: median {Quantile(ratios, 0.5):F3}, IQR {Quantile(ratios, 0.25):F3}-{Quantile(ratios, 0.75):F3}, min {ratios.Min():F3}, max {ratios.Max():F3} (target < 1.05)"));

        // One more no-op build, untimed, for what the wall times cannot resolve: that partitioning was skipped, and the
        // MSBuild time of the package's own targets.
        var (_, log, _) = BuildOverheadConsumers.RunDotnet(consumers.Partitioned,
            "build", "--no-restore", "-nodeReuse:false", "-tl:off", "-v:n", "-nologo", "-clp:PerformanceSummary");
        var targets = log.Split('\n')
            .Select(line => TargetTime().Match(line))
            .Where(m => m.Success)
            .Select(m => (Name: m.Groups["name"].Value, Ms: int.Parse(m.Groups["ms"].Value, CultureInfo.InvariantCulture)))
            .ToList();
        Console.WriteLine();
        Console.WriteLine($"MSBuild's target times of the package's targets in one more no-op build (-clp:PerformanceSummary): {string.Join(", ", targets.Select(t => $"{t.Name} {t.Ms} ms"))}; total {targets.Sum(t => t.Ms)} ms");
        bool skipped = log.Contains(RunSkipped, StringComparison.Ordinal);
        Console.WriteLine(skipped
            ? "check: a no-op build of the partitioned project skips _PartitionCompiler_Run"
            : "check FAILED: the partition target ran in a no-op build");
        return skipped ? 0 : 1;
    }

    private static double NoOpBuild(string project)
    {
        var (exit, output, ms) = BuildOverheadConsumers.RunDotnet(project, "build", "--no-restore", "-nodeReuse:false", "-tl:off", "-v:q", "-nologo");
        if (exit != 0)
        {
            throw new InvalidOperationException($"no-op build of {project} failed:\n{output}");
        }

        return ms;
    }

    /// <summary>Linear interpolation between the closest ranks (numpy's default).</summary>
    private static double Quantile(IEnumerable<double> values, double q)
    {
        double[] sorted = [.. values.Order()];
        double position = q * (sorted.Length - 1);
        int low = (int)Math.Floor(position);
        int high = Math.Min(low + 1, sorted.Length - 1);
        return sorted[low] + ((position - low) * (sorted[high] - sorted[low]));
    }

    [GeneratedRegex(@"^\s*(?<ms>\d+) ms\s+(?<name>_?PartitionCompiler_\w+)\s+\d+ calls")]
    private static partial Regex TargetTime();
}
