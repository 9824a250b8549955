using CsCheck;
using PartitionCompiler.Partitioning.Manifest;
using PartitionCompiler.Partitioning.Solver;
using PartitionCompiler.Partitioning.Solver.Ksp;
using QuikGraph;
using QuikGraph.Algorithms.RankedShortestPath;

namespace PartitionCompiler.Partitioning.Tests.Solver;

public sealed class KspPartitionSolverPropertyTests
{
    /// <summary>A random case: devices and positions (at most 12 with 2-3 devices, 9 with 4), objective, sink, memory.</summary>
    private static readonly Gen<Case> Cases =
        Gen.Select(Gen.Int[2, 4], Gen.Int[1, 12], Gen.Int[0, 2], Gen.Bool, Gen.Bool, Gen.Int[1, 30], Gen.Int)
            .Select((devices, n, objective, sink, memory, k, seed) =>
                new Case(devices, devices == 4 ? Math.Min(n, 9) : n, objective, sink, memory, k, seed));

    [Fact]
    public void Plans_equal_brute_force_enumeration_including_tie_order()
    {
        Cases.Sample(c =>
        {
            var problem = c.Build();
            var solution = KspPartitionSolver.Solve(problem, c.K);
            var expected = BruteForcePlanner.Solve(problem, c.K);
            if (expected.Count == 0)
            {
                Assert.Empty(solution.Plans);
                Assert.Contains(solution.Diagnostics, d => d.IsError);
                return;
            }

            Assert.False(solution.HasErrors, string.Join("\n", solution.Diagnostics));
            Assert.Equal(expected.Count, solution.Plans.Length);
            for (int r = 0; r < expected.Count; r++)
            {
                Assert.Equal(expected[r].Cost, solution.Plans[r].Objective, 9);
                Assert.Equal(expected[r].Assignment, solution.Plans[r].Assignment);
            }

            SolverInvariants.Check(problem, solution);
        }, iter: 150, threads: 1, print: c => c.ToString());
    }

    [Fact]
    public void Layered_graph_path_costs_equal_QuikGraph_Hoffman_Pavley()
    {
        Cases.Sample(c =>
        {
            var problem = c.Build();
            var graph = LayeredGraph.Build(problem, null);
            int k = Math.Max(2, c.K);
            var ours = new List<double>();
            var ksp = new LazyEppstein(graph.Dag, graph.Source, graph.Target);
            while (ours.Count < k && ksp.TryGetNext(out var path))
            {
                ours.Add(path.Cost);
            }

            var quik = new BidirectionalGraph<int, TaggedEdge<int, double>>();
            quik.AddVertexRange(Enumerable.Range(0, graph.Dag.NodeCount));
            for (int e = 0; e < graph.Dag.EdgeCount; e++)
            {
                quik.AddEdge(new TaggedEdge<int, double>(graph.Dag.Tail(e), graph.Dag.Head(e), graph.Dag.Weight(e)));
            }

            var hp = new HoffmanPavleyRankedShortestPathAlgorithm<int, TaggedEdge<int, double>>(quik, e => e.Tag) { ShortestPathCount = k };
            hp.Compute(graph.Source, graph.Target);
            var theirs = hp.ComputedShortestPaths.Select(p => p.Sum(e => e.Tag)).ToList();
            Assert.Equal(theirs.Count, ours.Count);
            for (int i = 0; i < ours.Count; i++)
            {
                Assert.Equal(theirs[i], ours[i], 9);
            }
        }, iter: 100, threads: 1, print: c => c.ToString());
    }

    [Fact]
    public void Lazy_Eppstein_enumerates_every_path_of_a_random_dag_in_cost_order()
    {
        Gen.Select(Gen.Int[2, 9], Gen.Int[0, 24], Gen.Int).Sample((nodes, extra, seed) =>
        {
            var random = new Random(seed);
            // Edges go from a smaller to a larger rank; ids are a random permutation of the ranks, so the solver must
            // sort the DAG itself. Source = rank 0, target = the last rank; a chain guarantees a path.
            var id = Enumerable.Range(0, nodes).OrderBy(_ => random.Next()).ToArray();
            var tails = new List<int>();
            var heads = new List<int>();
            var weights = new List<double>();
            for (int v = 0; v + 1 < nodes; v++)
            {
                tails.Add(id[v]);
                heads.Add(id[v + 1]);
                weights.Add(random.Next(0, 5));
            }

            for (int i = 0; i < extra; i++)
            {
                int a = random.Next(nodes);
                int b = random.Next(nodes);
                if (a != b)
                {
                    tails.Add(id[Math.Min(a, b)]);
                    heads.Add(id[Math.Max(a, b)]);
                    weights.Add(random.Next(0, 5));
                }
            }

            int source = id[0];
            int target = id[nodes - 1];
            var dag = CompactDag.FromEdges(nodes, [.. tails], [.. heads], [.. weights]);
            var all = new List<double>();
            AllPaths(dag, source, target, 0, all);
            all.Sort();
            var ksp = new LazyEppstein(dag, source, target);
            var found = new List<double>();
            var edges = new List<int>();
            while (ksp.TryGetNext(out var path))
            {
                found.Add(path.Cost);
                edges.Clear();
                ksp.GetEdges(path, edges);
                Assert.Equal(path.Cost, edges.Sum(e => dag.Weight(e)), 9);
                Assert.Equal(source, dag.Tail(edges[0]));
                Assert.Equal(target, dag.Head(edges[^1]));
                for (int j = 1; j < edges.Count; j++)
                {
                    Assert.Equal(dag.Head(edges[j - 1]), dag.Tail(edges[j]));
                }
            }

            Assert.Equal(all, found);
        }, iter: 300, threads: 1);
    }

    private static void AllPaths(CompactDag dag, int v, int target, double cost, List<double> into)
    {
        if (v == target)
        {
            into.Add(cost);
            return;
        }

        for (int e = dag.OutStart(v); e < dag.OutStart(v + 1); e++)
        {
            AllPaths(dag, dag.Head(e), target, cost + dag.Weight(e), into);
        }
    }

    internal sealed record Case(int Devices, int N, int Objective, bool Sink, bool Memory, int K, int Seed)
    {
        public PartitionProblem Build()
        {
            var random = new Random(Seed);
            var model = ToyModel.Random(random, N);
            var objective = Objective switch
            {
                0 => ObjectiveSpec.Latency,
                1 => ObjectiveSpec.Energy,
                _ => new ObjectiveSpec(1, 0.5),
            };
            return model.RandomProblem(random, Devices, objective, Sink, Memory);
        }
    }
}
