using PartitionCompiler.Partitioning.Collections;
using PartitionCompiler.Partitioning.Manifest;
using PartitionCompiler.Partitioning.Plan;
using PartitionCompiler.Partitioning.Solver;

namespace PartitionCompiler.Partitioning.Tests.Solver;

/// <summary>
/// A small random DAG model for solver tests: position p reads one or two earlier tensors (or the graph input, -1)
/// and produces one tensor; weights come from a shared pool so that unique-weight counting matters. Every figure is a
/// multiple of 1/8 so that sums are exact and equal costs really tie.
/// </summary>
internal sealed class ToyModel : ISegmentMemory
{
    public required int N { get; init; }

    /// <summary>Per position: the producers it reads (-1 = the graph input).</summary>
    public required int[][] Reads { get; init; }

    /// <summary>Per position: its output bytes.</summary>
    public required long[] OutputBytes { get; init; }

    public required long InputBytes { get; init; }

    /// <summary>Per position: the weight ids it reads.</summary>
    public required int[][] Weights { get; init; }

    public required long[] WeightBytes { get; init; }

    /// <summary>Positions whose output is a graph output (the last one always is).</summary>
    public required bool[] IsOutput { get; init; }

    public static ToyModel Random(Random random, int n)
    {
        var reads = new int[n][];
        var weights = new int[n][];
        var output = new long[n];
        var isOutput = new bool[n];
        int poolSize = Math.Max(1, n / 2);
        var weightBytes = new long[poolSize];
        for (int w = 0; w < poolSize; w++)
        {
            weightBytes[w] = random.Next(1, 9) * 1024L;
        }

        for (int p = 0; p < n; p++)
        {
            int first = random.Next(Math.Max(-1, p - 3), p);
            reads[p] = random.Next(3) == 0 && p > 0
                ? [first, random.Next(-1, p)]
                : [first];
            weights[p] = random.Next(3) switch
            {
                0 => [],
                1 => [random.Next(poolSize)],
                _ => [random.Next(poolSize), random.Next(poolSize)],
            };
            output[p] = random.Next(0, 9) * 1024L;
            isOutput[p] = p == n - 1 || random.Next(8) == 0;
        }

        return new ToyModel
        {
            N = n,
            Reads = reads,
            OutputBytes = output,
            InputBytes = random.Next(1, 9) * 1024L,
            Weights = weights,
            WeightBytes = weightBytes,
            IsOutput = isOutput,
        };
    }

    /// <summary>The last position that needs producer <paramref name="producer"/>'s tensor (n when it is a graph output).</summary>
    public int LastUse(int producer)
    {
        int last = producer;
        for (int p = producer + 1; p < N; p++)
        {
            if (Reads[p].Contains(producer))
            {
                last = p;
            }
        }

        return producer >= 0 && IsOutput[producer] ? N : last;
    }

    public long Bytes(int producer) => producer < 0 ? InputBytes : OutputBytes[producer];

    /// <summary>Cut k = -1..n-1: the tensors produced at or before k and needed after it.</summary>
    public ProblemCut Cut(int k)
    {
        long bytes = 0;
        var names = new List<string>();
        for (int producer = -1; producer <= k; producer++)
        {
            if (LastUse(producer) > k)
            {
                bytes += Bytes(producer);
                names.Add(producer < 0 ? "input" : $"t{producer}");
            }
        }

        return new ProblemCut(bytes, names.ToEquatableArray());
    }

    public SegmentMemory Measure(int first, int last)
    {
        var unique = new SortedSet<int>();
        for (int p = first; p <= last; p++)
        {
            unique.UnionWith(Weights[p]);
        }

        long parameters = unique.Sum(w => WeightBytes[w]);
        long peak = 0;
        for (int step = first; step <= last; step++)
        {
            long live = 0;
            for (int producer = -1; producer <= step; producer++)
            {
                bool inside = producer >= first && LastUse(producer) >= step;
                bool fromOutside = producer < first && LastUseWithin(producer, first, last) >= step;
                if (inside || fromOutside)
                {
                    live += Bytes(producer);
                }
            }

            peak = Math.Max(peak, live);
        }

        return new SegmentMemory(parameters, peak);
    }

    private int LastUseWithin(int producer, int first, int last)
    {
        int use = -2;
        for (int p = first; p <= last; p++)
        {
            if (Reads[p].Contains(producer))
            {
                use = p;
            }
        }

        return use;
    }

    /// <summary>A problem over this model with random quantised device, link and objective figures.</summary>
    public PartitionProblem RandomProblem(Random random, int devices, ObjectiveSpec objective, bool withSink, bool withMemory)
    {
        var power = new double[devices];
        var deviceList = new List<ProblemDevice>();
        for (int d = 0; d < devices; d++)
        {
            power[d] = random.Next(0, 4);
            long? memory = withMemory && random.Next(3) > 0 ? random.Next(4, 40) * 1024L : null;
            deviceList.Add(new ProblemDevice($"dev{d}", memory, power[d]));
        }

        var seconds = new double[devices * N];
        var energy = new double[devices * N];
        for (int d = 0; d < devices; d++)
        {
            for (int p = 0; p < N; p++)
            {
                seconds[(d * N) + p] = random.Next(0, 9) / 8.0;
                energy[(d * N) + p] = power[d] * seconds[(d * N) + p];
            }
        }

        var links = new List<ProblemLink>();
        for (int a = 0; a < devices; a++)
        {
            for (int b = 0; b < devices; b++)
            {
                if (a != b && random.Next(10) < 6)
                {
                    links.Add(new ProblemLink(a, b, 1024.0 * (1 << random.Next(0, 4)), random.Next(0, 3) / 8.0, random.Next(0, 3)));
                }
            }
        }

        int source = random.Next(devices);
        int? sink = withSink ? random.Next(devices) : null;
        var cuts = Enumerable.Range(-1, N + 1).Select(Cut).ToEquatableArray();
        return new PartitionProblem(
            N,
            Enumerable.Range(0, N).Select(p => $"node{p}").ToEquatableArray(),
            deviceList.ToEquatableArray(),
            links.ToEquatableArray(),
            seconds.ToEquatableArray(),
            energy.ToEquatableArray(),
            cuts,
            source,
            sink,
            objective,
            this);
    }

    public static string TensorName(int producer) => producer < 0 ? "input" : $"t{producer}";

    /// <summary>The plan builder's view of this model: node{p} produces t{p}; weights w{i} come from weight producers.</summary>
    public PlanGraph ToPlanGraph()
    {
        var positions = Enumerable.Range(0, N).Select(p => new PlanGraphNode(
            $"node{p}",
            1000.0 * (p + 1),
            Reads[p].Distinct().Select(TensorName).ToEquatableArray(),
            EquatableArray.Create(TensorName(p)),
            Weights[p].Distinct().Order().Select(w => $"w{w}").ToEquatableArray())).ToEquatableArray();
        var tensors = Enumerable.Range(-1, N + 1)
            .Select(p => new PlanGraphTensor(TensorName(p), "float32", EquatableArray.Create(1L, Bytes(p) / 4), Bytes(p)))
            .ToEquatableArray();
        return new PlanGraph(
            positions,
            tensors,
            EquatableArray.Create("input"),
            Enumerable.Range(0, N).Where(p => IsOutput[p]).Select(TensorName).ToEquatableArray(),
            Enumerable.Range(0, WeightBytes.Length).Select(w => $"w{w}").ToEquatableArray());
    }
}
