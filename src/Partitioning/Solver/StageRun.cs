namespace PartitionCompiler.Partitioning.Solver;

/// <summary>One stage of a path through the <see cref="LayeredGraph"/>: positions <paramref name="First"/>..
/// <paramref name="Last"/> (inclusive) on <paramref name="Device"/>.</summary>
internal readonly record struct StageRun(int Device, int First, int Last)
{
    /// <summary>Writes the device of every position the stages cover into <paramref name="assignment"/>.</summary>
    public static void Fill(ReadOnlySpan<StageRun> stages, Span<int> assignment)
    {
        foreach (var stage in stages)
        {
            assignment[stage.First..(stage.Last + 1)].Fill(stage.Device);
        }
    }

    /// <summary>The maximal runs of equal devices in <paramref name="assignment"/>, in position order.</summary>
    public static StageRun[] FromAssignment(ReadOnlySpan<int> assignment)
    {
        var stages = new List<StageRun>();
        int first = 0;
        for (int i = 1; i <= assignment.Length; i++)
        {
            if (i == assignment.Length || assignment[i] != assignment[first])
            {
                stages.Add(new StageRun(assignment[first], first, i - 1));
                first = i;
            }
        }

        return [.. stages];
    }
}
