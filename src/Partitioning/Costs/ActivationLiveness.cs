using PartitionCompiler.Partitioning.Graph;
using PartitionCompiler.Partitioning.Shapes;

namespace PartitionCompiler.Partitioning.Costs;

/// <summary>
/// When each activation (graph inputs included; weights never) is available and last used along the positions, and
/// what follows from that: the bytes crossing every cut and the peak live bytes of any segment of positions.
/// </summary>
/// <remarks>
/// A tensor t has bytes b(t), becomes available at a(t) (its producer's position; -1 for graph inputs) and is last used
/// at u(t) (its last consumer's position; a(t) when nothing reads it). It crosses cut k when a(t) &lt;= k &lt; u(t).
/// While the positions first..last run in order, the live set at step p is every t with a(t) &lt;= p &lt;= u(t) (inputs
/// of the segment live from its start until their last use, tensors needed after the segment to its end, a node's outputs
/// from its step), plus every graph output produced inside the segment, from its step to the segment's end.
/// Build: O(n + tensors + edges) with difference arrays, plus O(n log n) for the range-maximum table.
/// A segment query is O(1 + g) for g graph outputs produced by positioned nodes.
/// </remarks>
internal sealed class ActivationLiveness
{
    private readonly long[] _cutBytes;
    private readonly RangeMaximumTable? _live;
    private readonly (int Available, int LastUse, long Bytes)[] _outputTails;
    private readonly (int Available, int LastUse, string Name)[] _crossers;

    public ActivationLiveness(OperatorGraph graph, InferredTypes types, List<string> unknownSizes)
    {
        int n = graph.PositionCount;
        var cutDiff = new long[n + 2];
        var liveDiff = new long[n + 1];
        var tails = new List<(int, int, long)>();
        var crossers = new List<(int, int, string)>();
        foreach (var tensor in graph.Tensors)
        {
            if (tensor.Kind is not (TensorKind.GraphInput or TensorKind.Activation))
            {
                continue;
            }

            int available = graph.AvailableAt(tensor);
            int lastUse = available;
            foreach (int consumer in tensor.Consumers)
            {
                if (graph.Nodes[consumer].Position is int position && position > lastUse)
                {
                    lastUse = position;
                }
            }

            long? known = types.BytesOf(tensor.Name);
            if (known is null && (tensor.Consumers.Count > 0 || tensor.IsGraphOutput || tensor.Kind == TensorKind.Activation))
            {
                unknownSizes.Add(tensor.Name);
            }

            long bytes = known ?? 0;
            if (lastUse > available)
            {
                cutDiff[available + 1] += bytes;
                cutDiff[lastUse + 1] -= bytes;
                crossers.Add((available, lastUse, tensor.Name));
            }

            if (lastUse >= 0)
            {
                liveDiff[Math.Max(available, 0)] += bytes;
                liveDiff[lastUse + 1] -= bytes;
            }

            if (tensor.IsGraphOutput && tensor.Kind == TensorKind.Activation)
            {
                tails.Add((available, lastUse, bytes));
            }
        }

        _cutBytes = new long[n + 1];
        long running = 0;
        for (int c = 0; c <= n; c++)
        {
            running += cutDiff[c];
            _cutBytes[c] = running;
        }

        var live = new long[n];
        running = 0;
        for (int p = 0; p < n; p++)
        {
            running += liveDiff[p];
            live[p] = running;
        }

        _live = n > 0 ? new RangeMaximumTable(live) : null;
        _outputTails = [.. tails.OrderBy(t => t.Item2)];
        _crossers = [.. crossers.OrderBy(c => c.Item1).ThenBy(c => c.Item3, StringComparer.Ordinal)];
    }

    /// <summary>Bytes crossing the cut after position <paramref name="after"/> (-1..n-1).</summary>
    public long CutBytes(int after) => _cutBytes[after + 1];

    /// <summary>Peak live activation bytes while running positions first..last (0 for an empty segment).</summary>
    public long PeakBytes(int first, int last)
    {
        if (_live is null || first > last)
        {
            return 0;
        }

        long peak = 0;
        long tail = 0;
        int from = first;
        foreach (var (available, lastUse, bytes) in _outputTails)
        {
            // A graph output made inside the segment stays live after its last use, to the segment's end.
            if (available < first || lastUse >= last)
            {
                continue;
            }

            int start = lastUse + 1;
            if (start > from)
            {
                peak = Math.Max(peak, _live.Max(from, start - 1) + tail);
                from = start;
            }

            tail += bytes;
        }

        return Math.Max(peak, _live.Max(from, last) + tail);
    }

    /// <summary>The crossing tensors of every cut (index k + 1 for cut k), in the order they became available, then by
    /// name. O(n + the total size of the lists).</summary>
    public List<string>[] CrossingSets(int positions)
    {
        var sets = new List<string>[positions + 1];
        for (int c = 0; c < sets.Length; c++)
        {
            sets[c] = [];
        }

        foreach (var (available, lastUse, name) in _crossers)
        {
            for (int k = available; k < lastUse; k++)
            {
                sets[k + 1].Add(name);
            }
        }

        return sets;
    }
}
