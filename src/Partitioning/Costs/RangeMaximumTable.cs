namespace PartitionCompiler.Partitioning.Costs;

/// <summary>
/// Range-maximum queries over a fixed array in O(1) after O(n log n) preprocessing (a sparse table).
/// </summary>
/// <remarks>M. A. Bender and M. Farach-Colton, "The LCA Problem Revisited", LATIN 2000 (the sparse-table RMQ).</remarks>
internal sealed class RangeMaximumTable
{
    private readonly long[][] _levels;

    public RangeMaximumTable(long[] values)
    {
        int n = values.Length;
        int levels = 1;
        while ((1 << levels) <= n)
        {
            levels++;
        }

        _levels = new long[levels][];
        _levels[0] = values;
        for (int k = 1; k < levels; k++)
        {
            var previous = _levels[k - 1];
            int half = 1 << (k - 1);
            var current = new long[n - (1 << k) + 1];
            for (int i = 0; i < current.Length; i++)
            {
                current[i] = Math.Max(previous[i], previous[i + half]);
            }

            _levels[k] = current;
        }
    }

    /// <summary>The maximum of values[first..last] (inclusive); <paramref name="first"/> &lt;= <paramref name="last"/>.</summary>
    public long Max(int first, int last)
    {
        int k = 31 - System.Numerics.BitOperations.LeadingZeroCount((uint)(last - first + 1));
        return Math.Max(_levels[k][first], _levels[k][last - (1 << k) + 1]);
    }
}
