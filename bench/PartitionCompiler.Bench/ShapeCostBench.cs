using System.Diagnostics;
using System.Globalization;
using PartitionCompiler.Partitioning.Collections;
using PartitionCompiler.Partitioning.Costs;
using PartitionCompiler.Partitioning.Diagnostics;
using PartitionCompiler.Partitioning.Graph;
using PartitionCompiler.Partitioning.Shapes;

namespace PartitionCompiler.Bench;

/// <summary>
/// Time of graph building, shape inference, the cost model, the cut lists and segment queries on long generated
/// graphs (a residual conv chain: Conv, Relu, Add of the tensor two steps back), at two sizes: the small one is the
/// baseline, and the ratio shows how the work grows with n. Usage: <c>shapes-costs [--nodes N] [--repeat R]</c>.
/// </summary>
internal static class ShapeCostBench
{
    public static int Run(string[] args)
    {
        int nodes = 20_000;
        int repeat = 5;
        for (int i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--nodes":
                    nodes = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
                    break;
                case "--repeat":
                    repeat = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
                    break;
            }
        }

        int baseline = Math.Max(nodes / 10, 10);

        Console.WriteLine($"Residual conv chain; milliseconds: the first (cold, JIT included) run of this process, then the median of {repeat} more");
        Console.WriteLine();
        Console.WriteLine("| nodes | build graph | infer shapes | cost model | all cut lists | 100k segment queries | infer + costs |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|");
        var (coldLarge, large) = Measure(nodes, repeat);
        var (_, small) = Measure(baseline, repeat);
        Print($"{nodes} (first run)", coldLarge);
        Print(baseline.ToString(CultureInfo.InvariantCulture), small);
        Print(nodes.ToString(CultureInfo.InvariantCulture), large);
        Console.WriteLine();
        Console.WriteLine(FormattableString.Invariant(
            $"ratio {nodes}/{baseline} nodes: infer + costs x{(large.Infer + large.Costs) / (small.Infer + small.Costs):F1}, cut lists x{large.Cuts / small.Cuts:F1} (linear growth: x{(double)nodes / baseline:F1})"));
        return 0;
    }

    private static void Print(string nodes, (double Build, double Infer, double Costs, double Cuts, double Queries) t) =>
        Console.WriteLine(FormattableString.Invariant(
            $"| {nodes} | {t.Build:F1} | {t.Infer:F1} | {t.Costs:F1} | {t.Cuts:F1} | {t.Queries:F1} | {t.Infer + t.Costs:F1} |"));

    private static ((double Build, double Infer, double Costs, double Cuts, double Queries) First,
        (double Build, double Infer, double Costs, double Cuts, double Queries) Median) Measure(int nodes, int repeat)
    {
        var model = ResidualChain(nodes);
        var samples = new List<double[]>();
        for (int r = 0; r <= repeat; r++)
        {
            var watch = Stopwatch.StartNew();
            var bag = new DiagnosticBag();
            var graph = GraphBuilder.Build(model, new SourceLocation("chain.onnx"), bag) ?? throw new InvalidOperationException(string.Join("\n", bag.Items));
            double build = watch.Elapsed.TotalMilliseconds;
            watch.Restart();
            var types = ShapeInference.Infer(graph, [], bag);
            double infer = watch.Elapsed.TotalMilliseconds;
            watch.Restart();
            var costs = CostModel.Compute(graph, types);
            double cost = watch.Elapsed.TotalMilliseconds;
            watch.Restart();
            int cuts = costs.Cuts.Count;
            double cutLists = watch.Elapsed.TotalMilliseconds;
            var random = new Random(r);
            long checksum = cuts;
            watch.Restart();
            for (int q = 0; q < 100_000; q++)
            {
                int first = random.Next(costs.PositionCount);
                int last = random.Next(first, costs.PositionCount);
                checksum += costs.SegmentPeakActivationBytes(first, last) + costs.SegmentParameterBytes(first, last);
            }

            double queries = watch.Elapsed.TotalMilliseconds;
            if (bag.HasErrors || checksum == 0)
            {
                throw new InvalidOperationException(string.Join("\n", bag.Items));
            }

            samples.Add([build, infer, cost, cutLists, queries]);
        }

        double Median(int column) => samples.Skip(1).Select(s => s[column]).Order().ElementAt((samples.Count - 1) / 2);
        var cold = samples[0];
        return ((cold[0], cold[1], cold[2], cold[3], cold[4]), (Median(0), Median(1), Median(2), Median(3), Median(4)));
    }

    /// <summary>x [1,16,32,32] then, cycling: Conv 3x3 (its own weight), Relu, Add with the tensor two steps back.</summary>
    private static ModelSpec ResidualChain(int count)
    {
        var nodes = new List<NodeSpec>(count);
        var initializers = new List<InitializerSpec>();
        var produced = new List<string> { "x" };
        var pads = new AttributeValue("pads", AttributeKind.Ints) { Ints = EquatableArray.Create(1L, 1, 1, 1) };
        for (int i = 0; i < count; i++)
        {
            string output = $"t{i}";
            string previous = produced[^1];
            (string op, string[] inputs, AttributeValue[] attributes) = (i % 3) switch
            {
                0 => ("Conv", new[] { previous, $"w{i}" }, new[] { pads }),
                1 => ("Relu", new[] { previous }, Array.Empty<AttributeValue>()),
                _ => ("Add", new[] { previous, produced[Math.Max(0, produced.Count - 3)] }, Array.Empty<AttributeValue>()),
            };
            if (op == "Conv")
            {
                initializers.Add(new InitializerSpec($"w{i}", ElementType.Float32, EquatableArray.Create(16L, 16, 3, 3), 16 * 16 * 9 * 4, null, false));
            }

            nodes.Add(new NodeSpec(i, $"n{i}", op, "", inputs, EquatableArray.Create(output), attributes, EquatableArray<string>.Empty, false));
            produced.Add(output);
        }

        var input = new ValueSpec("x", new TensorType(ElementType.Float32, TensorShape.Of(1, 16, 32, 32)));
        return new ModelSpec("chain", 8, EquatableArray.Create(new OpsetImport("", 13)), "bench", nodes.ToEquatableArray(),
            EquatableArray.Create(input), EquatableArray.Create(new ValueSpec(produced[^1], null)), initializers.ToEquatableArray(),
            EquatableArray<ValueSpec>.Empty);
    }
}
