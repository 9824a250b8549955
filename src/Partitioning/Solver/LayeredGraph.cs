using PartitionCompiler.Partitioning.Solver.Ksp;

namespace PartitionCompiler.Partitioning.Solver;

/// <summary>
/// The layered DAG of a <see cref="PartitionProblem"/> (DESIGN.md section 6). For i = 0..n and each device d there are
/// two nodes: L(i, d), "positions 0..i-1 done, data on d, about to cross cut i-1", and A(i, d), "data has arrived on d".
/// L(i, d) -> A(i, d') costs the cheapest route for cut i-1's bytes from d to d' (zero for d = d'); A(i, d) -> L(i+1, d)
/// costs position i on d. A path from L(0, source) to A(n, sink) (or, without a sink, from L(n, d) to a terminal node)
/// is exactly one plan: a device for each position. Splitting each cut into two layers keeps the graph acyclic even
/// with links in both directions, and lets a plan return to a device at a later cut.
/// </summary>
/// <remarks>Node ids grow along every edge, so the ids are a topological order. With memory limits, a compute edge
/// whose one position alone overflows the device is left out.</remarks>
internal sealed class LayeredGraph
{
    private readonly int _n;
    private readonly int _d;

    private LayeredGraph(PartitionProblem problem, CompactDag dag, int source, int target)
    {
        _n = problem.PositionCount;
        _d = problem.DeviceCount;
        Dag = dag;
        Source = source;
        Target = target;
    }

    public CompactDag Dag { get; }

    public int Source { get; }

    public int Target { get; }

    /// <summary>Builds the graph; <paramref name="dropped"/> (device * n + position) marks compute edges to leave out.</summary>
    public static LayeredGraph Build(PartitionProblem problem, bool[]? dropped)
    {
        int n = problem.PositionCount;
        int d = problem.DeviceCount;
        bool hasSink = problem.Sink is not null;
        int layer = 2 * d;
        int nodeCount = ((n + 1) * layer) + (hasSink ? 0 : 1);
        int terminal = (n + 1) * layer;
        int maxEdges = ((n + 1) * d * d) + (n * d) + d;
        var outStart = new int[nodeCount + 1];
        var heads = new int[maxEdges];
        var weights = new double[maxEdges];
        var router = new CutRouter(problem);
        var routeCosts = new double[d * d];
        var seconds = problem.ComputeSeconds.AsImmutableArray();
        var energy = problem.ComputeEnergy.AsImmutableArray();
        var objective = problem.Objective;
        long lastBytes = -1;
        int e = 0;
        for (int i = 0; i <= n; i++)
        {
            int leave = i * layer;
            int arrive = leave + d;
            bool lastCut = i == n;
            if (!lastCut || hasSink)
            {
                long bytes = problem.Cuts[i].Bytes;
                if (bytes != lastBytes)
                {
                    router.Compute(bytes, routeCosts);
                    lastBytes = bytes;
                }
            }

            for (int from = 0; from < d; from++)
            {
                outStart[leave + from] = e;
                if (lastCut && !hasSink)
                {
                    heads[e] = terminal;
                    weights[e++] = 0;
                    continue;
                }

                for (int to = 0; to < d; to++)
                {
                    double cost = routeCosts[(from * d) + to];
                    if (!double.IsPositiveInfinity(cost))
                    {
                        heads[e] = arrive + to;
                        weights[e++] = cost;
                    }
                }
            }

            for (int dev = 0; dev < d; dev++)
            {
                outStart[arrive + dev] = e;
                if (i < n && (dropped is null || !dropped[(dev * n) + i]))
                {
                    int c = (dev * n) + i;
                    heads[e] = leave + layer + dev;
                    weights[e++] = objective.Evaluate(seconds[c], energy[c]);
                }
            }
        }

        for (int v = (n + 1) * layer; v <= nodeCount; v++)
        {
            outStart[v] = e;
        }

        Array.Resize(ref heads, e);
        Array.Resize(ref weights, e);
        var dag = CompactDag.FromCsr(outStart, heads, weights);
        int target = hasSink ? (n * layer) + d + problem.Sink!.Value : terminal;
        return new LayeredGraph(problem, dag, problem.Source, target);
    }

    /// <summary>
    /// The device of each position along a path given as its nodes. Every path visits L(i, .) and A(i, .) once for each
    /// i in order, so node 2i + 1 of the path is A(i, device of position i).
    /// </summary>
    public void DecodeNodes(ReadOnlySpan<int> nodes, Span<int> assignment)
    {
        int layer = 2 * _d;
        for (int i = 0; i < _n; i++)
        {
            assignment[i] = nodes[(2 * i) + 1] - (i * layer) - _d;
        }
    }

    /// <summary>n, the number of positions.</summary>
    public int PositionCount => _n;

    /// <summary>The number of devices.</summary>
    public int DeviceCount => _d;

    /// <summary>
    /// Whether the edge <paramref name="tail"/> -> <paramref name="head"/> is a cut edge L(i, d) -> A(i, d') that moves
    /// the data to another device (d' != d); if so, <paramref name="cut"/> is i (the first position on d', n for the
    /// graph outputs going to the sink) and <paramref name="device"/> is d'. Compute edges and edges to the terminal
    /// never change the device.
    /// </summary>
    public bool ChangesDevice(int tail, int head, out int cut, out int device)
    {
        int layer = 2 * _d;
        cut = tail / layer;
        int leaveDevice = tail - (cut * layer);
        device = head - (cut * layer) - _d;
        return leaveDevice < _d && head < (_n + 1) * layer && device != leaveDevice;
    }

    /// <summary>The most nodes a path can have: two per layer and the terminal.</summary>
    public int MaxPathNodes => (2 * (_n + 1)) + 1;

    /// <summary>The id of L(i, d).</summary>
    public int Leave(int i, int device) => (i * 2 * _d) + device;

    /// <summary>The id of A(i, d).</summary>
    public int Arrive(int i, int device) => (i * 2 * _d) + _d + device;
}
