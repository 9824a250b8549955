namespace PartitionCompiler.Partitioning.Costs;

/// <summary>
/// Bytes of the distinct weights read by the nodes at positions first..last, a weight read at several positions counting
/// once. Answered as (bytes of all reads in the range) minus (bytes of the reads whose previous read of the same weight
/// is also in the range); the second term is a 2-D dominance sum over consecutive-read pairs, kept in a Fenwick tree of
/// sorted lists: O(1) when no weight is shared, else O(log² P) per query for P consecutive-read pairs.
/// </summary>
/// <remarks>Fenwick tree: P. M. Fenwick, "A new data structure for cumulative frequency tables", Software: Practice and
/// Experience 24(3), 1994; the sorted lists per node follow the merge-sort-tree approach to orthogonal range counting
/// (J. L. Bentley, "Decomposable searching problems", IPL 8(5), 1979).</remarks>
internal sealed class DistinctWeightIndex
{
    private readonly long[] _readPrefix;
    private readonly int[] _pairEnds;
    private readonly long[][] _nodeStarts;
    private readonly long[][] _nodeSuffixBytes;

    /// <param name="reads">For each position, the distinct weights (index, bytes) its node reads.</param>
    public DistinctWeightIndex(IReadOnlyList<IReadOnlyList<(int Weight, long Bytes)>> reads)
    {
        int n = reads.Count;
        _readPrefix = new long[n + 1];
        var lastRead = new Dictionary<int, int>();
        var pairs = new List<(int Start, int End, long Bytes)>();
        for (int p = 0; p < n; p++)
        {
            long sum = 0;
            foreach (var (weight, bytes) in reads[p])
            {
                sum += bytes;
                if (lastRead.TryGetValue(weight, out int previous))
                {
                    pairs.Add((previous, p, bytes));
                }

                lastRead[weight] = p;
            }

            _readPrefix[p + 1] = _readPrefix[p] + sum;
        }

        // Pairs are generated with End ascending already.
        _pairEnds = pairs.Select(pair => pair.End).ToArray();
        int count = pairs.Count;
        _nodeStarts = new long[count + 1][];
        _nodeSuffixBytes = new long[count + 1][];
        for (int i = 1; i <= count; i++)
        {
            int from = i - (i & -i);
            var members = pairs.GetRange(from, i - from).OrderBy(pair => pair.Start).ToArray();
            _nodeStarts[i] = members.Select(pair => (long)pair.Start).ToArray();
            var suffix = new long[members.Length + 1];
            for (int j = members.Length - 1; j >= 0; j--)
            {
                suffix[j] = suffix[j + 1] + members[j].Bytes;
            }

            _nodeSuffixBytes[i] = suffix;
        }
    }

    public long Bytes(int first, int last)
    {
        long total = _readPrefix[last + 1] - _readPrefix[first];
        if (_pairEnds.Length == 0)
        {
            return total;
        }

        int within = UpperBound(_pairEnds, last);
        for (int i = within; i > 0; i -= i & -i)
        {
            int at = LowerBound(_nodeStarts[i], first);
            total -= _nodeSuffixBytes[i][at];
        }

        return total;
    }

    /// <summary>The number of values &lt;= <paramref name="value"/> in a sorted array.</summary>
    private static int UpperBound(int[] sorted, int value)
    {
        int low = 0;
        int high = sorted.Length;
        while (low < high)
        {
            int mid = (low + high) >>> 1;
            if (sorted[mid] <= value)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }

    /// <summary>The number of values &lt; <paramref name="value"/> in a sorted array.</summary>
    private static int LowerBound(long[] sorted, long value)
    {
        int low = 0;
        int high = sorted.Length;
        while (low < high)
        {
            int mid = (low + high) >>> 1;
            if (sorted[mid] < value)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }
}
