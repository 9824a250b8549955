using CsCheck;
using PartitionCompiler.Partitioning.Collections;
using PartitionCompiler.Partitioning.Manifest;
using PartitionCompiler.Partitioning.Solver;
using PartitionCompiler.Partitioning.Solver.Ksp;

namespace PartitionCompiler.Partitioning.Tests.Solver;

public sealed class PathStageDecoderTests
{
    [Fact]
    public void Stages_from_sidetracks_equal_the_position_by_position_decoding_on_random_paths()
    {
        // Random layered problems (2-4 devices, up to 40 positions, with or without a sink, some compute edges left
        // out as the memory filter would), and up to 300 paths of each in cost order.
        Gen.Select(Gen.Int[2, 4], Gen.Int[1, 40], Gen.Bool, Gen.Int[0, 3], Gen.Int).Sample((devices, n, sink, dropEvery, seed) =>
        {
            var random = new Random(seed);
            var problem = ToyModel.Random(random, n).RandomProblem(random, devices, new ObjectiveSpec(1, 0.5), sink, withMemory: true);
            bool[]? dropped = dropEvery == 0 ? null : Enumerable.Range(0, devices * n).Select(_ => random.Next(4 * dropEvery) == 0).ToArray();
            var graph = LayeredGraph.Build(problem, dropped);
            var ksp = new LazyEppstein(graph.Dag, graph.Source, graph.Target);
            var decoder = new PathStageDecoder(graph, ksp);
            var evaluator = new PlanEvaluator(problem);
            var nodes = new int[graph.MaxPathNodes];
            var assignment = new int[n];
            var filled = new int[n];
            for (int count = 0; count < 300 && ksp.TryGetNext(out var path); count++)
            {
                ksp.GetNodes(path, nodes);
                graph.DecodeNodes(nodes, assignment);
                var expected = StageRun.FromAssignment(assignment);

                var stages = decoder.Decode(path).ToArray();

                Assert.Equal(expected, stages);
                Array.Clear(filled);
                StageRun.Fill(stages, filled);
                Assert.Equal(assignment, filled);
                Assert.Equal(evaluator.Overflow(assignment), evaluator.Overflow(stages));
            }
        }, iter: 200, threads: 1);
    }

    [Fact]
    public void Stages_of_a_path_follow_its_edges_across_every_device_change()
    {
        // Three devices, chain of 6, all tied: every path is a plan, so the decoder sees paths with many sidetracks.
        var random = new Random(5);
        var problem = ToyModel.Random(random, 6).RandomProblem(random, 3, ObjectiveSpec.Energy, withSink: true, withMemory: false);
        var graph = LayeredGraph.Build(problem, null);
        var ksp = new LazyEppstein(graph.Dag, graph.Source, graph.Target);
        var decoder = new PathStageDecoder(graph, ksp);
        int paths = 0;
        int withManyStages = 0;
        while (ksp.TryGetNext(out var path))
        {
            var edges = ksp.GetEdges(path);
            var assignment = new int[problem.PositionCount];
            foreach (int e in edges)
            {
                int tail = graph.Dag.Tail(e);
                int head = graph.Dag.Head(e);
                // A compute edge A(i, d) -> L(i + 1, d) runs position i on d.
                for (int i = 0; i < problem.PositionCount; i++)
                {
                    for (int d = 0; d < problem.DeviceCount; d++)
                    {
                        if (tail == graph.Arrive(i, d) && head == graph.Leave(i + 1, d))
                        {
                            assignment[i] = d;
                        }
                    }
                }
            }

            var stages = decoder.Decode(path).ToArray();
            Assert.Equal(StageRun.FromAssignment(assignment), stages);
            paths++;
            withManyStages += stages.Length >= 4 ? 1 : 0;
        }

        Assert.True(paths > 1);
        Assert.True(withManyStages > 0);
    }

    [Fact]
    public void Infeasible_mid_size_chain_gives_the_same_PC0302_as_the_reference_decoding()
    {
        // 2,000 positions on three devices whose memory together is less than the weights: no plan fits. Both
        // decodings examine the same 20,000 paths and must name the same closest plan, device and overflow.
        var problem = ChainProblem(2_000, limits: [60_000, 60_000, 60_000], seed: 11);
        var options = new KspSolverOptions(MaxPaths: 20_000);

        var fast = KspPartitionSolver.Solve(problem, 3, options);
        var reference = KspPartitionSolver.Solve(problem, 3, options with { ReferenceDecoding = true });

        var diagnostic = Assert.Single(fast.Diagnostics);
        Assert.Equal("PC0302", diagnostic.Code);
        Assert.Equal(reference.Diagnostics, fast.Diagnostics);
        Assert.Equal(20_000, fast.Examined);
        Assert.Equal(reference.Examined, fast.Examined);
        Assert.Empty(fast.Plans);
    }

    [Fact]
    public void Solutions_equal_the_reference_decoding_on_random_chains_with_tight_memory()
    {
        // Mid-size chains where memory rules out many (sometimes all) plans: plans, order, diagnostics and the number of
        // examined paths must not depend on how paths are decoded.
        double[] share = [0.7, 1.8, 2.4, 3.2];
        Gen.Select(Gen.Int[20, 300], Gen.Int[2, 3], Gen.Int[0, 3], Gen.Int[1, 6], Gen.Int).Sample((n, devices, tightness, k, seed) =>
        {
            // Device 0 gets half the others' memory; all together hold 0.5 to 2.7 times the parameters.
            long each = (long)(100L * n * share[tightness] / devices);
            long[] limits = [.. Enumerable.Range(0, devices).Select(d => d == 0 ? each / 2 : each)];
            var problem = ChainProblem(n, limits, seed);
            var options = new KspSolverOptions(MaxPaths: 3_000, MaxTiedPlans: 50);

            var fast = KspPartitionSolver.Solve(problem, k, options);
            var reference = KspPartitionSolver.Solve(problem, k, options with { ReferenceDecoding = true });

            Assert.Equal(reference.Plans, fast.Plans);
            Assert.Equal(reference.Diagnostics, fast.Diagnostics);
            Assert.Equal(reference.Examined, fast.Examined);
        }, iter: 40, threads: 1);
    }

    /// <summary>
    /// A chain of <paramref name="n"/> positions: 100 parameter bytes and a random peak each, random compute times on
    /// devices that get faster with their index, every device pair linked, data starting on device 0, no sink.
    /// </summary>
    internal static PartitionProblem ChainProblem(int n, long[] limits, int seed)
    {
        var random = new Random(seed);
        int devices = limits.Length;
        var seconds = new double[devices * n];
        for (int d = 0; d < devices; d++)
        {
            for (int p = 0; p < n; p++)
            {
                seconds[(d * n) + p] = random.Next(1, 9) / (8.0 * (d + 1));
            }
        }

        var links = new List<ProblemLink>();
        for (int a = 0; a < devices; a++)
        {
            for (int b = 0; b < devices; b++)
            {
                if (a != b)
                {
                    links.Add(new ProblemLink(a, b, 1024.0 * (1 << random.Next(0, 4)), random.Next(0, 3) / 8.0, 0));
                }
            }
        }

        var peaks = Enumerable.Range(0, n).Select(_ => (long)random.Next(1, 64)).ToArray();
        return new PartitionProblem(
            n,
            Enumerable.Range(0, n).Select(p => $"n{p}").ToEquatableArray(),
            Enumerable.Range(0, devices).Select(d => new ProblemDevice($"d{d}", limits[d], 0)).ToEquatableArray(),
            links.ToEquatableArray(),
            seconds.ToEquatableArray(),
            new double[devices * n].ToEquatableArray(),
            Enumerable.Range(0, n + 1).Select(_ => new ProblemCut(random.Next(1, 9) * 512L, EquatableArray.Create("t"))).ToEquatableArray(),
            0,
            null,
            ObjectiveSpec.Latency,
            new PrefixMemory(peaks));
    }

    /// <summary>100 parameter bytes per position (prefix sums) and the largest per-position peak of the stage.</summary>
    private sealed class PrefixMemory(long[] peaks) : ISegmentMemory
    {
        public SegmentMemory Measure(int first, int last)
        {
            long peak = 0;
            for (int p = first; p <= last; p++)
            {
                peak = Math.Max(peak, peaks[p]);
            }

            return new SegmentMemory(100L * (last - first + 1), peak);
        }
    }
}
