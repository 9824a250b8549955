using PartitionCompiler.Partitioning.Solver;

namespace PartitionCompiler.Partitioning.Tests.Solver;

/// <summary>The properties every solver result must have (DESIGN.md section 9).</summary>
internal static class SolverInvariants
{
    public static void Check(PartitionProblem problem, KspSolution solution)
    {
        var plans = solution.Plans;
        for (int r = 1; r < plans.Length; r++)
        {
            Assert.True(plans[r - 1].Objective <= plans[r].Objective + (1e-12 * Math.Abs(plans[r].Objective)),
                $"costs decrease from rank {r} to {r + 1}");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var plan in plans)
        {
            Assert.True(seen.Add(string.Join(",", plan.Assignment)), "a plan appears twice");
            CheckOne(problem, plan);
        }
    }

    private static void CheckOne(PartitionProblem problem, SolvedPlan plan)
    {
        int n = problem.PositionCount;

        // Every position assigned exactly once, by contiguous stages in position order.
        Assert.Equal(n, plan.Assignment.Count);
        int next = 0;
        foreach (var stage in plan.Stages)
        {
            Assert.Equal(next, stage.First);
            Assert.True(stage.Last >= stage.First);
            for (int p = stage.First; p <= stage.Last; p++)
            {
                Assert.Equal(stage.Device, plan.Assignment[p]);
            }

            next = stage.Last + 1;
        }

        Assert.Equal(n, next);
        for (int s = 1; s < plan.Stages.Count; s++)
        {
            Assert.NotEqual(plan.Stages[s - 1].Device, plan.Stages[s].Device);
        }

        // Memory respected.
        Assert.True(BruteForcePlanner.FitsMemory(problem, [.. plan.Assignment]), "a plan overflows a device's memory");

        // Transfers: loop-free routes that join consecutive places, starting at the source and ending at the sink.
        int at = problem.Source;
        int transfer = 0;
        var places = new List<(int Device, int After)>();
        foreach (var stage in plan.Stages)
        {
            places.Add((stage.Device, stage.First - 1));
        }

        if (problem.Sink is int sink)
        {
            places.Add((sink, n - 1));
        }

        double latency = 0;
        foreach (var (device, after) in places)
        {
            if (device == at)
            {
                continue;
            }

            var t = plan.Transfers[transfer++];
            Assert.Equal(after, t.After);
            Assert.Equal(at, t.Route[0]);
            Assert.Equal(device, t.Route[^1]);
            Assert.Equal(t.Route.Count, t.Route.Distinct().Count());
            Assert.Equal(problem.Cut(after).Bytes, t.Bytes);
            latency += t.Seconds;
            at = device;
        }

        Assert.Equal(plan.Transfers.Count, transfer);
        latency += plan.Stages.Sum(s => s.ComputeSeconds);
        Assert.Equal(latency, plan.LatencySeconds, 9);
    }
}
