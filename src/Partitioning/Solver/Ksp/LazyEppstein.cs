namespace PartitionCompiler.Partitioning.Solver.Ksp;

/// <summary>
/// Enumerates the paths from one source to one target of a <see cref="CompactDag"/> in non-decreasing cost, lazily:
/// each <see cref="TryGetNext"/> does only the work the next path needs.
/// </summary>
/// <remarks>
/// <para>
/// The algorithm is Eppstein's (D. Eppstein, "Finding the k shortest paths", SIAM Journal on Computing 28(2):652-673,
/// 1998) in the lazy form of Jiménez and Marzal (V. M. Jiménez and A. Marzal, "A lazy version of Eppstein's K shortest
/// paths algorithm", Proc. 2nd International Workshop on Experimental and Efficient Algorithms (WEA 2003), LNCS 2647,
/// pp. 179-190), which builds the heaps H_T(v) only for the vertices a path actually reaches.
/// </para>
/// <para>
/// Steps. (1) The distances d(v) to the target and the shortest-path tree come from one pass in reverse topological
/// order: the graph is a DAG, so no Dijkstra is needed, and any finite weights (even negative) are allowed. (2) A
/// non-tree edge e = (u, v) is a sidetrack with cost delta(e) = w(e) + d(v) - d(u) &gt;= 0. H_out(u) is u's sidetracks in
/// ascending delta, stored as a chain (a sorted list is heap-ordered). (3) H_T(u) is a persistent leftist heap: the
/// root of H_out(u) inserted into H_T(next(u)), sharing every untouched node with it; it is built on first use, walking
/// the tree path up to the first vertex whose heap exists. (4) The path graph's nodes are heap nodes; from a node the
/// search may move to a heap child (replacing the last sidetrack) or across the sidetrack to the root of
/// H_T(head) (appending one). A best-first search over it from the root of H_T(source) yields the sidetrack
/// sequences of the 2nd, 3rd, ... shortest paths in order. On a DAG every path is simple.
/// </para>
/// <para>
/// Storage is arrays of structs indexed by int (heap nodes, sidetracks, candidates, the priority queue), grown by
/// doubling: nothing is allocated per vertex or per path in the hot loops. Equal costs come out in an arbitrary but
/// deterministic order.
/// </para>
/// </remarks>
public sealed class LazyEppstein
{
    private const int Unbuilt = -2;
    private const int Empty = -1;

    private readonly CompactDag _graph;
    private readonly int _source;
    private readonly int _target;
    private readonly double[] _dist;
    private readonly int[] _treeEdge;
    private readonly int[] _heapOf;
    private readonly int[] _sidetrackStart;
    private readonly int[] _sidetrackCount;

    private GrowableArray<HeapNode> _heap;
    private GrowableArray<int> _sidetrackEdge;
    private GrowableArray<double> _sidetrackDelta;
    private GrowableArray<Candidate> _candidates;
    private MinQueue _queue;
    private GrowableArray<int> _scratch;
    private int _rank;

    public LazyEppstein(CompactDag graph, int source, int target)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentOutOfRangeException.ThrowIfNegative(source);
        ArgumentOutOfRangeException.ThrowIfNegative(target);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(source, graph.NodeCount);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(target, graph.NodeCount);
        _graph = graph;
        _source = source;
        _target = target;
        int n = graph.NodeCount;
        _dist = new double[n];
        _treeEdge = new int[n];
        _heapOf = new int[n];
        _sidetrackStart = new int[n];
        _sidetrackCount = new int[n];
        _heap = new GrowableArray<HeapNode>(64);
        _sidetrackEdge = new GrowableArray<int>(64);
        _sidetrackDelta = new GrowableArray<double>(64);
        _candidates = new GrowableArray<Candidate>(64);
        _queue = new MinQueue(64);
        _scratch = new GrowableArray<int>(64);
        ComputeShortestPathTree(graph.TopologicalOrder());
    }

    /// <summary>The shortest distance from the source to the target (+infinity when the target is unreachable).</summary>
    public double ShortestDistance => _dist[_source];

    /// <summary>Distance from <paramref name="node"/> to the target (+infinity when it cannot reach it).</summary>
    public double DistanceToTarget(int node) => _dist[node];

    /// <summary>Paths returned so far.</summary>
    public int Count => _rank;

    /// <summary>Finds the next shortest path; false when every path has been returned.</summary>
    public bool TryGetNext(out KspPath path)
    {
        if (_rank == 0)
        {
            if (double.IsPositiveInfinity(_dist[_source]))
            {
                path = default;
                return false;
            }

            _rank = 1;
            int root = HeapRoot(_source);
            if (root != Empty)
            {
                Push(_dist[_source] + _heap[root].Key, root, -1);
            }

            path = new KspPath(1, _dist[_source], -1);
            return true;
        }

        if (_queue.Count == 0)
        {
            path = default;
            return false;
        }

        int index = _queue.Pop();
        Candidate c = _candidates[index];
        Expand(index, c);
        _rank++;
        path = new KspPath(_rank, c.Cost, index);
        return true;
    }

    /// <summary>Appends the edge ids of <paramref name="path"/>, source to target, to <paramref name="edges"/>.</summary>
    public void GetEdges(KspPath path, List<int> edges)
    {
        ArgumentNullException.ThrowIfNull(edges);
        _scratch.Clear();
        AppendSidetracksFromTarget(path, ref _scratch);

        int[] heads = _graph.HeadArray;
        int[] tails = _graph.TailArray;
        int v = _source;
        for (int s = _scratch.Count - 1; s >= 0; s--)
        {
            int sidetrack = _scratch[s];
            int tail = tails[sidetrack];
            while (v != tail)
            {
                int e = _treeEdge[v];
                edges.Add(e);
                v = heads[e];
            }

            edges.Add(sidetrack);
            v = heads[sidetrack];
        }

        while (v != _target)
        {
            int e = _treeEdge[v];
            edges.Add(e);
            v = heads[e];
        }
    }

    /// <summary>
    /// Writes the nodes of <paramref name="path"/>, source to target, into <paramref name="nodes"/> and returns how many
    /// there are (at most the node count of the graph); nothing is allocated.
    /// </summary>
    public int GetNodes(KspPath path, Span<int> nodes)
    {
        _scratch.Clear();
        AppendSidetracksFromTarget(path, ref _scratch);

        int[] heads = _graph.HeadArray;
        int[] tails = _graph.TailArray;
        int[] tree = _treeEdge;
        int v = _source;
        int count = 0;
        nodes[count++] = v;
        for (int s = _scratch.Count - 1; s >= 0; s--)
        {
            int sidetrack = _scratch[s];
            int tail = tails[sidetrack];
            while (v != tail)
            {
                v = heads[tree[v]];
                nodes[count++] = v;
            }

            v = heads[sidetrack];
            nodes[count++] = v;
        }

        while (v != _target)
        {
            v = heads[tree[v]];
            nodes[count++] = v;
        }

        return count;
    }

    /// <summary>
    /// The tree edge of <paramref name="node"/>: its first edge on a shortest path to the target (-1 for the target and
    /// for nodes that cannot reach it). Between two sidetracks a path follows these edges.
    /// </summary>
    internal int TreeEdge(int node) => _treeEdge[node];

    /// <summary>
    /// Appends the sidetrack edges of <paramref name="path"/> to <paramref name="into"/>, the one nearest the target
    /// first; O(number of sidetracks). The path is the tree path from the source to the last appended sidetrack's tail,
    /// that sidetrack, the tree path on to the next one's tail, ..., and the tree path from the first appended
    /// sidetrack's head to the target.
    /// </summary>
    internal void AppendSidetracksFromTarget(KspPath path, ref GrowableArray<int> into)
    {
        for (int c = path.Handle; c >= 0; c = _candidates[c].Prefix)
        {
            into.Add(SidetrackEdge(_candidates[c].Element));
        }
    }

    /// <summary>The edge ids of <paramref name="path"/>, source to target.</summary>
    public int[] GetEdges(KspPath path)
    {
        var edges = new List<int>();
        GetEdges(path, edges);
        return [.. edges];
    }

    private void ComputeShortestPathTree(int[]? order)
    {
        int n = _graph.NodeCount;
        int[] outStart = _graph.OutStartArray;
        int[] heads = _graph.HeadArray;
        double[] weights = _graph.WeightArray;
        double[] dist = _dist;
        int[] tree = _treeEdge;
        for (int k = n - 1; k >= 0; k--)
        {
            int v = order is null ? k : order[k];
            _heapOf[v] = Unbuilt;
            _sidetrackStart[v] = -1;
            if (v == _target)
            {
                dist[v] = 0;
                tree[v] = -1;
                continue;
            }

            double best = double.PositiveInfinity;
            int bestEdge = -1;
            int end = outStart[v + 1];
            for (int e = outStart[v]; e < end; e++)
            {
                double candidate = weights[e] + dist[heads[e]];
                if (candidate < best)
                {
                    best = candidate;
                    bestEdge = e;
                }
            }

            dist[v] = best;
            tree[v] = bestEdge;
        }

        // The target's own out-edges never lie on a path to it: its heap is empty.
        _heapOf[_target] = Empty;
    }

    /// <summary>The root of H_T(v), building it (and the heaps of the tree path below it) on first use.</summary>
    private int HeapRoot(int v)
    {
        if (_heapOf[v] != Unbuilt)
        {
            return _heapOf[v];
        }

        int[] heads = _graph.HeadArray;
        int stackBase = _scratch.Count;
        int u = v;
        while (_heapOf[u] == Unbuilt)
        {
            _scratch.Add(u);
            u = heads[_treeEdge[u]];
        }

        for (int i = _scratch.Count - 1; i >= stackBase; i--)
        {
            int w = _scratch[i];
            int below = _heapOf[heads[_treeEdge[w]]];
            BuildSidetracks(w);
            _heapOf[w] = _sidetrackCount[w] == 0
                ? below
                : Insert(below, NewLeaf(_sidetrackDelta[_sidetrackStart[w]], w));
        }

        _scratch.Count = stackBase;
        return _heapOf[v];
    }

    /// <summary>Collects v's sidetracks into the shared buffers, sorted by (delta, edge id).</summary>
    private void BuildSidetracks(int v)
    {
        int[] outStart = _graph.OutStartArray;
        int[] heads = _graph.HeadArray;
        double[] weights = _graph.WeightArray;
        int start = _sidetrackEdge.Count;
        double dv = _dist[v];
        int end = outStart[v + 1];
        for (int e = outStart[v]; e < end; e++)
        {
            double dh = _dist[heads[e]];
            if (e == _treeEdge[v] || double.IsPositiveInfinity(dh))
            {
                continue;
            }

            double delta = weights[e] + dh - dv;
            int j = _sidetrackEdge.Count;
            _sidetrackEdge.Add(e);
            _sidetrackDelta.Add(delta);

            // Insertion sort: out-degrees are small.
            while (j > start && _sidetrackDelta[j - 1] > delta)
            {
                _sidetrackDelta[j] = _sidetrackDelta[j - 1];
                _sidetrackEdge[j] = _sidetrackEdge[j - 1];
                j--;
            }

            _sidetrackDelta[j] = delta;
            _sidetrackEdge[j] = e;
        }

        _sidetrackStart[v] = start;
        _sidetrackCount[v] = _sidetrackEdge.Count - start;
    }

    private int NewLeaf(double key, int vertex)
    {
        _heap.Add(new HeapNode(key, vertex, Empty, Empty, 1));
        return _heap.Count - 1;
    }

    /// <summary>Persistent leftist-heap insertion of a fresh leaf: copies only the right spine it walks.</summary>
    private int Insert(int heap, int leaf)
    {
        if (heap == Empty)
        {
            return leaf;
        }

        HeapNode h = _heap[heap];
        if (_heap[leaf].Key < h.Key)
        {
            ref HeapNode l = ref _heap[leaf];
            l.Left = heap;
            return leaf;
        }

        int right = Insert(h.Right, leaf);
        int left = h.Left;
        int leftRank = left == Empty ? 0 : _heap[left].Rank;
        int rightRank = _heap[right].Rank;
        if (leftRank < rightRank)
        {
            (left, right) = (right, left);
            rightRank = leftRank;
        }

        _heap.Add(new HeapNode(h.Key, h.Vertex, left, right, rightRank + 1));
        return _heap.Count - 1;
    }

    /// <summary>Pushes the path-graph successors of a popped candidate.</summary>
    private void Expand(int index, Candidate c)
    {
        int element = c.Element;
        double baseCost = c.Cost - Key(element);
        if (element >= 0)
        {
            HeapNode node = _heap[element];
            if (node.Left != Empty)
            {
                Push(baseCost + _heap[node.Left].Key, node.Left, c.Prefix);
            }

            if (node.Right != Empty)
            {
                Push(baseCost + _heap[node.Right].Key, node.Right, c.Prefix);
            }

            if (_sidetrackCount[node.Vertex] > 1)
            {
                int slot = _sidetrackStart[node.Vertex] + 1;
                Push(baseCost + _sidetrackDelta[slot], ~slot, c.Prefix);
            }
        }
        else
        {
            int slot = ~element;
            int vertex = _graph.TailArray[_sidetrackEdge[slot]];
            if (slot + 1 < _sidetrackStart[vertex] + _sidetrackCount[vertex])
            {
                Push(baseCost + _sidetrackDelta[slot + 1], ~(slot + 1), c.Prefix);
            }
        }

        int cross = HeapRoot(_graph.HeadArray[SidetrackEdge(element)]);
        if (cross != Empty)
        {
            Push(c.Cost + _heap[cross].Key, cross, index);
        }
    }

    private double Key(int element) => element >= 0 ? _heap[element].Key : _sidetrackDelta[~element];

    private int SidetrackEdge(int element) =>
        element >= 0 ? _sidetrackEdge[_sidetrackStart[_heap[element].Vertex]] : _sidetrackEdge[~element];

    private void Push(double cost, int element, int prefix)
    {
        _candidates.Add(new Candidate(cost, element, prefix));
        _queue.Push(cost, _candidates.Count - 1);
    }

    /// <summary>A node of a persistent leftist heap H_T: the root of H_out(Vertex), keyed by its smallest delta.</summary>
    private record struct HeapNode(double Key, int Vertex, int Left, int Right, int Rank);

    /// <summary>A path-graph node reached by the search: Element is a heap node (&gt;= 0) or ~slot of an H_out chain
    /// entry; the path's sidetracks are those of Prefix followed by Element's.</summary>
    private readonly record struct Candidate(double Cost, int Element, int Prefix);
}
