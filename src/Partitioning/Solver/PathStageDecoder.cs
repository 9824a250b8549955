using PartitionCompiler.Partitioning.Solver.Ksp;

namespace PartitionCompiler.Partitioning.Solver;

/// <summary>
/// Reads the stages of a path that <see cref="LazyEppstein"/> found in a <see cref="LayeredGraph"/> in time
/// proportional to the path's sidetracks and stages, not to the number of positions: the memory check of every
/// examined path then costs O(sidetracks + stages) segment queries instead of O(n) work.
/// </summary>
/// <remarks>
/// <para>
/// Eppstein's path representation (D. Eppstein, "Finding the k shortest paths", SIAM Journal on Computing
/// 28(2):652-673, 1998; in the lazy form of V. M. Jiménez and A. Marzal, WEA 2003) gives a path as its sidetrack
/// edges; between two sidetracks it follows the shortest-path tree. A stage ends exactly where the path takes a cut
/// edge L(i, d) -> A(i, d') with d' != d.
/// </para>
/// <para>
/// Once per search, in reverse topological order (the layered graph's ids are one), every node gets the first node on
/// its tree path whose tree edge changes the device (or none). Decoding then walks the path segment by segment: from
/// the segment's start it jumps from one change to the next while the change lies before the segment's end (node ids
/// grow along the path, so "before" is "smaller id"), then takes the sidetrack itself. Each jump yields one stage
/// boundary, so a path costs O(sidetracks + stages).
/// </para>
/// </remarks>
internal sealed class PathStageDecoder
{
    private readonly LayeredGraph _graph;
    private readonly LazyEppstein _ksp;
    private readonly int[] _heads;
    private readonly int[] _tails;
    private readonly int[] _nextChange;
    private readonly int _source;
    private readonly int _n;
    private GrowableArray<int> _sidetracks;
    private GrowableArray<StageRun> _stages;
    private int _device;
    private int _first;

    public PathStageDecoder(LayeredGraph graph, LazyEppstein ksp)
    {
        _graph = graph;
        _ksp = ksp;
        _heads = graph.Dag.HeadArray;
        _tails = graph.Dag.TailArray;
        _source = graph.Source;
        _n = graph.PositionCount;
        _sidetracks = new GrowableArray<int>(16);
        _stages = new GrowableArray<StageRun>(16);
        _nextChange = new int[graph.Dag.NodeCount];
        Array.Fill(_nextChange, -1);
        int devices = graph.DeviceCount;
        int terminal = graph.Leave(_n + 1, 0);
        for (int i = _n; i >= 0; i--)
        {
            // A(i, d) -> L(i + 1, d) keeps the device; L(i, d) -> A(i, d') with d' != d changes it (an edge to the
            // terminal, the first id past the layers, does not). Each node's tree successor is done before it.
            for (int d = 0; d < devices; d++)
            {
                int arrive = graph.Arrive(i, d);
                int e = ksp.TreeEdge(arrive);
                _nextChange[arrive] = e < 0 ? -1 : _nextChange[_heads[e]];
            }

            for (int d = 0; d < devices; d++)
            {
                int leave = graph.Leave(i, d);
                int e = ksp.TreeEdge(leave);
                int head = e < 0 ? -1 : _heads[e];
                _nextChange[leave] = e < 0 ? -1
                    : head != graph.Arrive(i, d) && head < terminal ? leave
                    : _nextChange[head];
            }
        }
    }

    /// <summary>
    /// The stages of <paramref name="path"/> in position order (maximal runs of one device); the span is valid until
    /// the next call.
    /// </summary>
    public ReadOnlySpan<StageRun> Decode(KspPath path)
    {
        _sidetracks.Clear();
        _ksp.AppendSidetracksFromTarget(path, ref _sidetracks);
        _stages.Clear();
        _device = _source;
        _first = 0;
        int v = _source;
        for (int s = _sidetracks.Count - 1; s >= 0; s--)
        {
            int sidetrack = _sidetracks[s];
            int tail = _tails[sidetrack];
            for (int u = _nextChange[v]; u >= 0 && u < tail; u = _nextChange[_heads[_ksp.TreeEdge(u)]])
            {
                Cross(u, _heads[_ksp.TreeEdge(u)]);
            }

            v = _heads[sidetrack];
            Cross(tail, v);
        }

        for (int u = _nextChange[v]; u >= 0; u = _nextChange[_heads[_ksp.TreeEdge(u)]])
        {
            Cross(u, _heads[_ksp.TreeEdge(u)]);
        }

        _stages.Add(new StageRun(_device, _first, _n - 1));
        return _stages.AsSpan();
    }

    /// <summary>The path takes the edge <paramref name="tail"/> -> <paramref name="head"/>: close a stage when it
    /// moves the data to another device before a position.</summary>
    private void Cross(int tail, int head)
    {
        if (!_graph.ChangesDevice(tail, head, out int cut, out int device) || cut == _n)
        {
            return;
        }

        if (cut > _first)
        {
            _stages.Add(new StageRun(_device, _first, cut - 1));
            _first = cut;
        }

        _device = device;
    }
}
