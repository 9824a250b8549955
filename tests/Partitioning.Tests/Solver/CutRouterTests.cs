using PartitionCompiler.Partitioning.Collections;
using PartitionCompiler.Partitioning.Manifest;
using PartitionCompiler.Partitioning.Solver;

namespace PartitionCompiler.Partitioning.Tests.Solver;

public sealed class CutRouterTests
{
    [Fact]
    public void Cheapest_route_may_take_several_hops()
    {
        // a->c is slow; a->b->c is fast.
        var router = Router(ObjectiveSpec.Latency, new ProblemLink(0, 2, 1e3, 0.1, 0), new ProblemLink(0, 1, 1e6, 0.01, 0), new ProblemLink(1, 2, 1e6, 0.01, 0));

        var route = router.Find(1000, 0, 2)!;

        Assert.Equal([0, 1, 2], route.Devices);
        Assert.Equal(0.02 + 0.002, route.Seconds, 12);
    }

    [Fact]
    public void Equal_objective_prefers_the_faster_route_then_fewer_hops()
    {
        // Energy objective and no link power: every route costs 0 J, so time decides.
        var faster = Router(ObjectiveSpec.Energy, new ProblemLink(0, 2, 1e3, 0.1, 0), new ProblemLink(0, 1, 1e6, 0.01, 0), new ProblemLink(1, 2, 1e6, 0.01, 0));
        Assert.Equal([0, 1, 2], faster.Find(1000, 0, 2)!.Devices);

        // Same time both ways (0.5 s): the direct link wins on hop count.
        var fewer = Router(ObjectiveSpec.Latency, new ProblemLink(0, 2, 1e3, 0.5, 0), new ProblemLink(0, 1, 1e3, 0.25, 0), new ProblemLink(1, 2, 1e3, 0.25, 0));
        Assert.Equal([0, 2], fewer.Find(0, 0, 2)!.Devices);
    }

    [Fact]
    public void Unreachable_pair_has_no_route_and_infinite_cost()
    {
        var router = Router(ObjectiveSpec.Latency, new ProblemLink(0, 1, 1e3, 0, 0));
        var costs = new double[9];

        router.Compute(10, costs);

        Assert.Null(router.Find(10, 1, 0));
        Assert.True(double.IsPositiveInfinity(costs[(1 * 3) + 0]));
        Assert.Equal(0.01, costs[1], 12);
    }

    private static CutRouter Router(ObjectiveSpec objective, params ProblemLink[] links)
    {
        var problem = new PartitionProblem(
            1,
            EquatableArray.Create("n0"),
            EquatableArray.Create(new ProblemDevice("a", null, 0), new ProblemDevice("b", null, 0), new ProblemDevice("c", null, 0)),
            links.ToEquatableArray(),
            new double[3].ToEquatableArray(),
            new double[3].ToEquatableArray(),
            EquatableArray.Create(new ProblemCut(0, EquatableArray<string>.Empty), new ProblemCut(0, EquatableArray<string>.Empty)),
            0,
            null,
            objective,
            new NoMemory());
        return new CutRouter(problem);
    }

    private sealed class NoMemory : ISegmentMemory
    {
        public SegmentMemory Measure(int first, int last) => default;
    }
}
