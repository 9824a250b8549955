namespace PartitionCompiler.Partitioning.Solver.Ksp;

/// <summary>
/// A directed acyclic graph in compressed sparse row form: int node ids 0..n-1, edges grouped by tail, finite double
/// weights. Edge ids are CSR positions: the out-edges of node v are <c>OutStart(v) .. OutStart(v + 1) - 1</c>, in the
/// order they were given for that tail.
/// </summary>
public sealed class CompactDag
{
    private readonly int[] _outStart;
    private readonly int[] _tails;
    private readonly int[] _heads;
    private readonly double[] _weights;
    private int[]? _topologicalOrder;
    private bool _orderComputed;

    private CompactDag(int[] outStart, int[] tails, int[] heads, double[] weights)
    {
        _outStart = outStart;
        _tails = tails;
        _heads = heads;
        _weights = weights;
    }

    public int NodeCount => _outStart.Length - 1;

    public int EdgeCount => _heads.Length;

    /// <summary>The first out-edge id of <paramref name="node"/>; its out-edges end at <c>OutStart(node + 1)</c>.</summary>
    public int OutStart(int node) => _outStart[node];

    public int Tail(int edge) => _tails[edge];

    public int Head(int edge) => _heads[edge];

    public double Weight(int edge) => _weights[edge];

    internal int[] OutStartArray => _outStart;

    internal int[] TailArray => _tails;

    internal int[] HeadArray => _heads;

    internal double[] WeightArray => _weights;

    /// <summary>
    /// Builds the graph from parallel edge arrays in any order (a stable counting sort groups them by tail).
    /// Throws <see cref="ArgumentException"/> for a node id out of range or a weight that is not finite.
    /// </summary>
    public static CompactDag FromEdges(int nodeCount, ReadOnlySpan<int> tails, ReadOnlySpan<int> heads, ReadOnlySpan<double> weights)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(nodeCount);
        if (tails.Length != heads.Length || tails.Length != weights.Length)
        {
            throw new ArgumentException("tails, heads and weights must have the same length.", nameof(weights));
        }

        var outStart = new int[nodeCount + 1];
        for (int e = 0; e < tails.Length; e++)
        {
            CheckNode(tails[e], nodeCount);
            CheckNode(heads[e], nodeCount);
            CheckWeight(weights[e]);
            outStart[tails[e] + 1]++;
        }

        for (int v = 0; v < nodeCount; v++)
        {
            outStart[v + 1] += outStart[v];
        }

        var next = new int[nodeCount];
        Array.Copy(outStart, next, nodeCount);
        var sortedTails = new int[tails.Length];
        var sortedHeads = new int[tails.Length];
        var sortedWeights = new double[tails.Length];
        for (int e = 0; e < tails.Length; e++)
        {
            int slot = next[tails[e]]++;
            sortedTails[slot] = tails[e];
            sortedHeads[slot] = heads[e];
            sortedWeights[slot] = weights[e];
        }

        return new CompactDag(outStart, sortedTails, sortedHeads, sortedWeights);
    }

    /// <summary>
    /// Wraps CSR arrays that the caller already grouped by tail (the arrays are taken, not copied).
    /// <paramref name="outStart"/> has n + 1 entries, ascending, from 0 to the edge count.
    /// </summary>
    public static CompactDag FromCsr(int[] outStart, int[] heads, double[] weights)
    {
        ArgumentNullException.ThrowIfNull(outStart);
        ArgumentNullException.ThrowIfNull(heads);
        ArgumentNullException.ThrowIfNull(weights);
        if (outStart.Length == 0 || outStart[0] != 0 || outStart[^1] != heads.Length || heads.Length != weights.Length)
        {
            throw new ArgumentException("outStart must run from 0 to the edge count, with one weight per head.", nameof(outStart));
        }

        int nodeCount = outStart.Length - 1;
        var tails = new int[heads.Length];
        for (int v = 0; v < nodeCount; v++)
        {
            if (outStart[v + 1] < outStart[v])
            {
                throw new ArgumentException("outStart must be ascending.", nameof(outStart));
            }

            for (int e = outStart[v]; e < outStart[v + 1]; e++)
            {
                CheckNode(heads[e], nodeCount);
                CheckWeight(weights[e]);
                tails[e] = v;
            }
        }

        return new CompactDag(outStart, tails, heads, weights);
    }

    /// <summary>
    /// A topological order of the nodes, or null when the ids already are one (every edge goes from a smaller id to a
    /// larger one). Throws <see cref="ArgumentException"/> when the graph has a cycle.
    /// </summary>
    internal int[]? TopologicalOrder()
    {
        if (_orderComputed)
        {
            return _topologicalOrder;
        }

        bool ascending = true;
        for (int e = 0; e < _heads.Length; e++)
        {
            if (_heads[e] <= _tails[e])
            {
                ascending = false;
                break;
            }
        }

        _topologicalOrder = ascending ? null : KahnOrder();
        _orderComputed = true;
        return _topologicalOrder;
    }

    private int[] KahnOrder()
    {
        int n = NodeCount;
        var inDegree = new int[n];
        foreach (int head in _heads)
        {
            inDegree[head]++;
        }

        var order = new int[n];
        int write = 0;
        for (int v = 0; v < n; v++)
        {
            if (inDegree[v] == 0)
            {
                order[write++] = v;
            }
        }

        for (int read = 0; read < write; read++)
        {
            int v = order[read];
            for (int e = _outStart[v]; e < _outStart[v + 1]; e++)
            {
                if (--inDegree[_heads[e]] == 0)
                {
                    order[write++] = _heads[e];
                }
            }
        }

        if (write != n)
        {
            throw new ArgumentException("The graph has a cycle; K shortest paths here need a DAG.");
        }

        return order;
    }

    private static void CheckNode(int node, int nodeCount)
    {
        if ((uint)node >= (uint)nodeCount)
        {
            throw new ArgumentException($"Node id {node} is outside 0..{nodeCount - 1}.");
        }
    }

    private static void CheckWeight(double weight)
    {
        if (!double.IsFinite(weight))
        {
            throw new ArgumentException($"Edge weight {weight} is not finite.");
        }
    }
}
