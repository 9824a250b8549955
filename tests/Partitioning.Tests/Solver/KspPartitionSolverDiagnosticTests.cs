using PartitionCompiler.Partitioning.Collections;
using PartitionCompiler.Partitioning.Diagnostics;
using PartitionCompiler.Partitioning.Manifest;
using PartitionCompiler.Partitioning.Solver;

namespace PartitionCompiler.Partitioning.Tests.Solver;

public sealed class KspPartitionSolverDiagnosticTests
{
    private static readonly SourceLocation Manifest = new("app.devices.json", 1, 1);

    [Fact]
    public void Unreachable_sink_is_PC0300()
    {
        var problem = Chain(3, [new("a", null, 0), new("b", null, 0)], links: [], sink: 1);

        var solution = KspPartitionSolver.Solve(problem, 3);

        var diagnostic = Assert.Single(solution.Diagnostics);
        Assert.Equal("PC0300", diagnostic.Code);
        Assert.Contains("'b'", diagnostic.Message, StringComparison.Ordinal);
        Assert.Empty(solution.Plans);
    }

    [Fact]
    public void Node_too_big_for_every_reachable_device_is_PC0301_naming_node_and_overflow()
    {
        var deviceB = new SourceLocation("app.devices.json", 7, 5);
        var memory = new FixedMemory(parameters: [10, 500, 10], peaks: [5, 5, 5]);
        var problem = Chain(3, [new("a", 100, 0), new("b", 300, 0, deviceB)], [new ProblemLink(0, 1, 1e6, 0, 0)], sink: null, memory);

        var solution = KspPartitionSolver.Solve(problem, 3);

        var diagnostic = Assert.Single(solution.Diagnostics);
        Assert.Equal("PC0301", diagnostic.Code);
        Assert.Equal(deviceB, diagnostic.Location);
        Assert.Contains("node 'n1' (position 1) needs 505 bytes", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("'b', has 300 bytes (205 too few)", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void No_combination_fitting_memory_is_PC0302_naming_device_and_overflow()
    {
        // Each node fits on 'a' alone, but 'a' cannot hold all three and there is nowhere else to go.
        var memory = new FixedMemory(parameters: [40, 40, 40], peaks: [10, 10, 10]);
        var problem = Chain(3, [new("a", 100, 0)], links: [], sink: null, memory);

        var solution = KspPartitionSolver.Solve(problem, 2);

        var diagnostic = Assert.Single(solution.Diagnostics);
        Assert.Equal("PC0302", diagnostic.Code);
        Assert.Contains("the closest, 'a:0-2', needs 130 bytes on device 'a', which has 100 (30 bytes too many)", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Search_bound_with_too_few_fitting_plans_is_PC0303()
    {
        // 'a' holds three nodes at most and 'b' one, so the cheapest plan (all on 'a') does not fit.
        var memory = new FixedMemory(parameters: [40, 40, 40, 40], peaks: [10, 10, 10, 10]);
        var problem = Chain(4, [new("a", 150, 0), new("b", 60, 0)], [new ProblemLink(0, 1, 1e9, 0, 0), new ProblemLink(1, 0, 1e9, 0, 0)],
            sink: null, memory, slowerDevice: 1);

        var solution = KspPartitionSolver.Solve(problem, 5, new KspSolverOptions(MaxPaths: 4));

        var diagnostic = Assert.Single(solution.Diagnostics);
        Assert.Equal("PC0303", diagnostic.Code);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.InRange(solution.Plans.Length, 1, 4);
    }

    [Fact]
    public void Too_many_tied_plans_is_PC0304()
    {
        // Energy objective with no power anywhere: every plan costs 0.
        var problem = Chain(6, [new("a", null, 0), new("b", null, 0)], [new ProblemLink(0, 1, 1e6, 0, 0), new ProblemLink(1, 0, 1e6, 0, 0)],
            sink: null, objective: ObjectiveSpec.Energy);

        var solution = KspPartitionSolver.Solve(problem, 2, new KspSolverOptions(MaxPaths: 10));

        var diagnostic = Assert.Single(solution.Diagnostics);
        Assert.Equal("PC0304", diagnostic.Code);
        Assert.Equal(2, solution.Plans.Length);
    }

    [Fact]
    public void All_tied_plans_come_in_device_then_cut_order()
    {
        var problem = Chain(3, [new("a", null, 0), new("b", null, 0)], [new ProblemLink(0, 1, 1e6, 0, 0), new ProblemLink(1, 0, 1e6, 0, 0)],
            sink: null, objective: ObjectiveSpec.Energy);

        var solution = KspPartitionSolver.Solve(problem, 8);

        var names = problem.Devices.Select(d => d.Name).ToList();
        Assert.Equal(
            ["a:0-2", "a:0-0 | b:1-2", "a:0-1 | b:2-2", "a:0-0 | b:1-1 | a:2-2", "b:0-2", "b:0-0 | a:1-2", "b:0-1 | a:2-2", "b:0-0 | a:1-1 | b:2-2"],
            solution.Plans.Select(p => p.Describe(names)));
        Assert.Empty(solution.Diagnostics);
    }

    private static PartitionProblem Chain(
        int n,
        ProblemDevice[] devices,
        ProblemLink[] links,
        int? sink,
        ISegmentMemory? memory = null,
        ObjectiveSpec? objective = null,
        int slowerDevice = -1)
    {
        int d = devices.Length;
        var seconds = new double[d * n];
        for (int dev = 0; dev < d; dev++)
        {
            for (int p = 0; p < n; p++)
            {
                seconds[(dev * n) + p] = dev == slowerDevice ? 2 : 1;
            }
        }

        return new PartitionProblem(
            n,
            Enumerable.Range(0, n).Select(p => $"n{p}").ToEquatableArray(),
            devices.ToEquatableArray(),
            links.ToEquatableArray(),
            seconds.ToEquatableArray(),
            new double[d * n].ToEquatableArray(),
            Enumerable.Range(0, n + 1).Select(_ => new ProblemCut(1000, EquatableArray.Create("t"))).ToEquatableArray(),
            0,
            sink,
            objective ?? ObjectiveSpec.Latency,
            memory ?? new FixedMemory(new long[n], new long[n]),
            Manifest);
    }

    private sealed class FixedMemory(long[] parameters, long[] peaks) : ISegmentMemory
    {
        public SegmentMemory Measure(int first, int last)
        {
            long sum = 0;
            long peak = 0;
            for (int p = first; p <= last; p++)
            {
                sum += parameters[p];
                peak = Math.Max(peak, peaks[p]);
            }

            return new SegmentMemory(sum, peak);
        }
    }
}
