using System.Collections.Immutable;
using System.Globalization;
using PartitionCompiler.Partitioning.Diagnostics;
using PartitionCompiler.Partitioning.Solver.Ksp;

namespace PartitionCompiler.Partitioning.Solver;

/// <summary>
/// Finds the K best partition plans of a <see cref="PartitionProblem"/>: builds the <see cref="LayeredGraph"/>,
/// enumerates its paths in non-decreasing cost with <see cref="LazyEppstein"/>, and keeps the first K whose per-device
/// memory fits (memory is not edge-additive, so it is checked per plan; a compute edge whose single position already
/// overflows its device is removed up front).
/// </summary>
/// <remarks>
/// Ties: after the K-th feasible plan, enumeration goes on while costs stay within the tie tolerance, then plans are
/// grouped by cost (a group holds the plans within a relative 1e-12 of its cheapest), each group is sorted by device
/// sequence (manifest order) and then cut positions, and the list is cut to K. The result does not depend on the order
/// in which the path search meets equal-cost paths.
/// </remarks>
public static class KspPartitionSolver
{
    private const long DiagnosticSearchLimit = 100_000;

    public static KspSolution Solve(PartitionProblem problem, int k, KspSolverOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        options ??= KspSolverOptions.Default;
        problem.Validate();
        var diagnostics = new DiagnosticBag();

        if (problem.Sink is int sink && !LinksReach(problem, problem.Source, sink))
        {
            diagnostics.Add(DiagnosticCatalog.SinkUnreachable, DeviceLocation(problem, sink),
                problem.Devices[sink].Name, problem.Devices[problem.Source].Name);
            return Result([], diagnostics, 0);
        }

        var evaluator = new PlanEvaluator(problem);
        bool[]? dropped = evaluator.HasMemoryLimits ? DropOversizedNodes(problem) : null;
        var graph = LayeredGraph.Build(problem, dropped);
        var ksp = new LazyEppstein(graph.Dag, graph.Source, graph.Target);
        if (double.IsPositiveInfinity(ksp.ShortestDistance))
        {
            ReportBlocked(problem, graph, evaluator, options, diagnostics);
            return Result([], diagnostics, 0);
        }

        var search = Enumerate(problem, graph, ksp, evaluator, k, options);
        if (search.Kept.Count == 0)
        {
            ReportClosest(problem, search, diagnostics);
            return Result([], diagnostics, search.Examined);
        }

        if (search.BoundReached && search.Kept.Count < k)
        {
            diagnostics.Add(DiagnosticCatalog.SearchBoundReached, problem.Location, search.Examined, search.Kept.Count, k);
        }
        else if (search.BoundReached || search.TieLimitReached)
        {
            diagnostics.Add(DiagnosticCatalog.TieBoundReached, problem.Location, search.Examined, k);
        }

        return Result(PlanOrder.SortAndTake(search.Kept, k), diagnostics, search.Examined);
    }

    /// <summary>
    /// The layered DAG the solver searches (no memory filter), with its source and target node, for benchmarks and
    /// independent oracles. Node ids are a topological order.
    /// </summary>
    public static (CompactDag Graph, int Source, int Target) BuildLayeredGraph(PartitionProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        problem.Validate();
        var graph = LayeredGraph.Build(problem, null);
        return (graph.Dag, graph.Source, graph.Target);
    }

    private static KspSolution Result(IEnumerable<SolvedPlan> plans, DiagnosticBag diagnostics, long examined) =>
        new([.. plans], [.. diagnostics.Items], examined);

    /// <summary>
    /// Examines paths in cost order, keeping those that fit memory. With memory limits each path is decoded into its
    /// stages from its sidetracks (<see cref="PathStageDecoder"/>), so a path that does not fit costs no work per
    /// position; a kept plan is costed in full. Without limits every examined path is kept and costed in full anyway,
    /// so it is decoded position by position, as it is with <see cref="KspSolverOptions.ReferenceDecoding"/>.
    /// </summary>
    private static SearchResult Enumerate(
        PartitionProblem problem, LayeredGraph graph, LazyEppstein ksp, PlanEvaluator evaluator, int k, KspSolverOptions options)
    {
        var result = new SearchResult();
        var decoder = options.ReferenceDecoding || !evaluator.HasMemoryLimits ? null : new PathStageDecoder(graph, ksp);
        var nodes = decoder is null ? new int[graph.MaxPathNodes] : [];
        var assignment = new int[problem.PositionCount];
        double cutoff = double.PositiveInfinity;
        while (ksp.TryGetNext(out var path))
        {
            if (result.Kept.Count >= k && path.Cost > cutoff)
            {
                break;
            }

            result.Examined++;
            ReadOnlySpan<StageRun> stages = default;
            if (decoder is null)
            {
                ksp.GetNodes(path, nodes);
                graph.DecodeNodes(nodes, assignment);
            }
            else
            {
                stages = decoder.Decode(path);
            }

            bool fits = true;
            if (evaluator.HasMemoryLimits)
            {
                var (device, overflow, needed) = decoder is null ? evaluator.Overflow(assignment) : evaluator.Overflow(stages);
                if (device >= 0)
                {
                    fits = false;
                    if (result.ClosestDevice < 0 || overflow < result.ClosestOverflow)
                    {
                        result.ClosestDevice = device;
                        result.ClosestOverflow = overflow;
                        result.ClosestNeeded = needed;
                        result.ClosestStages = decoder is null ? StageRun.FromAssignment(assignment) : stages.ToArray();
                    }
                }
            }

            if (fits)
            {
                if (decoder is not null)
                {
                    StageRun.Fill(stages, assignment);
                }

                result.Kept.Add(evaluator.Evaluate(assignment));
                if (result.Kept.Count == k)
                {
                    cutoff = path.Cost + (4 * KspSolverOptions.TieTolerance * Math.Abs(path.Cost));
                }
                else if (result.Kept.Count >= k + options.MaxTiedPlans)
                {
                    result.TieLimitReached = true;
                    break;
                }
            }

            if (result.Examined >= options.MaxPaths)
            {
                result.BoundReached = ksp.TryGetNext(out var next) && (result.Kept.Count < k || next.Cost <= cutoff);
                break;
            }
        }

        return result;
    }

    private static bool[] DropOversizedNodes(PartitionProblem problem)
    {
        int n = problem.PositionCount;
        var dropped = new bool[problem.DeviceCount * n];
        for (int i = 0; i < n; i++)
        {
            long need = problem.Memory.Measure(i, i).Total;
            for (int d = 0; d < problem.DeviceCount; d++)
            {
                if (problem.Devices[d].MemoryBytes is long limit && need > limit)
                {
                    dropped[(d * n) + i] = true;
                }
            }
        }

        return dropped;
    }

    /// <summary>No path at all: name the first position no reachable device can hold, else the closest plan.</summary>
    private static void ReportBlocked(
        PartitionProblem problem, LayeredGraph graph, PlanEvaluator evaluator, KspSolverOptions options, DiagnosticBag diagnostics)
    {
        var dag = graph.Dag;
        var reached = new bool[dag.NodeCount];
        reached[graph.Source] = true;
        for (int v = 0; v < dag.NodeCount; v++)
        {
            if (!reached[v])
            {
                continue;
            }

            for (int e = dag.OutStart(v); e < dag.OutStart(v + 1); e++)
            {
                reached[dag.Head(e)] = true;
            }
        }

        for (int i = 0; i < problem.PositionCount; i++)
        {
            bool any = false;
            int closest = -1;
            for (int d = 0; d < problem.DeviceCount; d++)
            {
                any |= reached[graph.Leave(i + 1, d)];
                if (reached[graph.Arrive(i, d)] && (closest < 0 || problem.Devices[d].MemoryBytes > problem.Devices[closest].MemoryBytes))
                {
                    closest = d;
                }
            }

            if (!any && closest >= 0)
            {
                long need = problem.Memory.Measure(i, i).Total;
                long limit = problem.Devices[closest].MemoryBytes ?? 0;
                diagnostics.Add(DiagnosticCatalog.NodeFitsNoDevice, DeviceLocation(problem, closest),
                    problem.PositionNames[i], i, need, problem.Devices[closest].Name, limit, need - limit);
                return;
            }
        }

        // Every position fits somewhere reachable, but no combination does: find the closest plan without the filter.
        var unfiltered = LayeredGraph.Build(problem, null);
        var ksp = new LazyEppstein(unfiltered.Dag, unfiltered.Source, unfiltered.Target);
        var search = Enumerate(problem, unfiltered, ksp, evaluator, 1, options with { MaxPaths = Math.Min(options.MaxPaths, DiagnosticSearchLimit) });
        ReportClosest(problem, search, diagnostics);
    }

    private static void ReportClosest(PartitionProblem problem, SearchResult search, DiagnosticBag diagnostics)
    {
        if (search.ClosestStages is null)
        {
            throw new InvalidOperationException("The search found neither a feasible nor an infeasible plan.");
        }

        var evaluator = new PlanEvaluator(problem);
        var names = problem.Devices.Select(d => d.Name).ToList();
        var closest = new int[problem.PositionCount];
        StageRun.Fill(search.ClosestStages, closest);
        string assignment = evaluator.Evaluate(closest).Describe(names);
        var device = problem.Devices[search.ClosestDevice];
        diagnostics.Add(DiagnosticCatalog.NoPlanFitsMemory, DeviceLocation(problem, search.ClosestDevice),
            search.Examined.ToString(CultureInfo.InvariantCulture), assignment, search.ClosestNeeded, device.Name,
            device.MemoryBytes ?? 0, search.ClosestOverflow);
    }

    private static bool LinksReach(PartitionProblem problem, int from, int to)
    {
        var seen = new bool[problem.DeviceCount];
        var queue = new Queue<int>();
        seen[from] = true;
        queue.Enqueue(from);
        while (queue.Count > 0)
        {
            int at = queue.Dequeue();
            foreach (var link in problem.Links)
            {
                if (link.From == at && !seen[link.To])
                {
                    seen[link.To] = true;
                    queue.Enqueue(link.To);
                }
            }
        }

        return seen[to];
    }

    private static SourceLocation? DeviceLocation(PartitionProblem problem, int device) =>
        problem.Devices[device].Location ?? problem.Location;

    private sealed class SearchResult
    {
        public List<SolvedPlan> Kept { get; } = [];

        public long Examined { get; set; }

        public bool BoundReached { get; set; }

        public bool TieLimitReached { get; set; }

        public int ClosestDevice { get; set; } = -1;

        public long ClosestOverflow { get; set; }

        public long ClosestNeeded { get; set; }

        /// <summary>The closest plan's stages: a copy per improvement costs its stage count, not n.</summary>
        public StageRun[]? ClosestStages { get; set; }
    }
}
