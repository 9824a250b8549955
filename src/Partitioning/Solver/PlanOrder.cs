namespace PartitionCompiler.Partitioning.Solver;

/// <summary>
/// The order of plans in a solution: by objective, and among plans whose objectives lie within a relative
/// <see cref="KspSolverOptions.TieTolerance"/> of the cheapest of their group, by device sequence (manifest order,
/// a shorter sequence before its extensions) and then by cut positions, ascending.
/// </summary>
internal static class PlanOrder
{
    public static List<SolvedPlan> SortAndTake(List<SolvedPlan> plans, int k)
    {
        var byCost = plans.OrderBy(p => p.Objective).ToList();
        var result = new List<SolvedPlan>(Math.Min(k, byCost.Count));
        int start = 0;
        while (start < byCost.Count && result.Count < k)
        {
            double anchor = byCost[start].Objective;
            int end = start + 1;
            while (end < byCost.Count && byCost[end].Objective - anchor <= KspSolverOptions.TieTolerance * Math.Abs(anchor))
            {
                end++;
            }

            var group = byCost.GetRange(start, end - start);
            group.Sort(CompareTied);
            result.AddRange(group.Take(k - result.Count));
            start = end;
        }

        return result;
    }

    /// <summary>Device sequence, then cut positions (the last position of every stage but the final one).</summary>
    public static int CompareTied(SolvedPlan a, SolvedPlan b)
    {
        var sa = a.Stages;
        var sb = b.Stages;
        for (int i = 0; i < Math.Min(sa.Count, sb.Count); i++)
        {
            int c = sa[i].Device.CompareTo(sb[i].Device);
            if (c != 0)
            {
                return c;
            }
        }

        int byLength = sa.Count.CompareTo(sb.Count);
        if (byLength != 0)
        {
            return byLength;
        }

        for (int i = 0; i < sa.Count - 1; i++)
        {
            int c = sa[i].Last.CompareTo(sb[i].Last);
            if (c != 0)
            {
                return c;
            }
        }

        return 0;
    }
}
