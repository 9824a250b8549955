using System.Runtime.InteropServices;
using PartitionCompiler.Partitioning.Collections;

namespace PartitionCompiler.Partitioning.Solver;

/// <summary>
/// Costs a plan given as one device per position, in execution order (input transfer, stage, transfer, stage, ...,
/// output transfer), and checks it against the devices' memory. The solver's final figures come from here, so every
/// plan is costed the same way whatever path found it.
/// </summary>
/// <remarks>
/// Memory on a device = the sum over its stages of each stage's unique parameter bytes (every stage is its own
/// sub-model with its own copy of the weights it reads) + the largest peak live activation bytes among those stages
/// (stages on one device run one after another, so their activations are never live together).
/// </remarks>
internal sealed class PlanEvaluator
{
    private readonly PartitionProblem _problem;
    private readonly CutRouter _router;
    private readonly long[] _parameters;
    private readonly long[] _peaks;

    public PlanEvaluator(PartitionProblem problem)
    {
        _problem = problem;
        _router = new CutRouter(problem);
        _parameters = new long[problem.DeviceCount];
        _peaks = new long[problem.DeviceCount];
        foreach (var device in problem.Devices)
        {
            HasMemoryLimits |= device.MemoryBytes is not null;
        }
    }

    public bool HasMemoryLimits { get; }

    public SolvedPlan Evaluate(ReadOnlySpan<int> assignment)
    {
        var problem = _problem;
        int n = problem.PositionCount;
        var seconds = problem.ComputeSeconds.AsImmutableArray();
        var energy = problem.ComputeEnergy.AsImmutableArray();
        var stages = new List<SolvedStage>();
        var transfers = new List<SolvedTransfer>();
        double latency = 0;
        double joules = 0;
        int at = problem.Source;
        int first = 0;
        for (int i = 0; i <= n; i++)
        {
            if (i < n && i > first && assignment[i] == assignment[first])
            {
                continue;
            }

            if (i > first)
            {
                int device = assignment[first];
                double t = 0;
                double j = 0;
                for (int p = first; p < i; p++)
                {
                    int c = (device * n) + p;
                    t += seconds[c];
                    j += energy[c];
                }

                stages.Add(new SolvedStage(device, first, i - 1, t, j, problem.Memory.Measure(first, i - 1)));
                latency += t;
                joules += j;
                at = device;
                first = i;
            }

            int next = i < n ? assignment[i] : problem.Sink ?? at;
            if (next != at)
            {
                long bytes = problem.Cut(i - 1).Bytes;
                var route = _router.Find(bytes, at, next)
                    ?? throw new InvalidOperationException($"No route from device {at} to {next}.");
                transfers.Add(new SolvedTransfer(i - 1, route.Devices, bytes, route.Seconds, route.Energy));
                latency += route.Seconds;
                joules += route.Energy;
                at = next;
            }
        }

        return new SolvedPlan(
            new EquatableArray<int>(ImmutableCollectionsMarshal.AsImmutableArray(assignment.ToArray())),
            stages.ToEquatableArray(),
            transfers.ToEquatableArray(),
            latency,
            joules,
            problem.Objective.Evaluate(latency, joules));
    }

    /// <summary>
    /// The device whose memory the plan overflows most, and by how much (0 and -1 when it fits), with that device's
    /// need. Only devices with a limit are measured. O(n): for the reference decoding.
    /// </summary>
    public (int Device, long Overflow, long Needed) Overflow(ReadOnlySpan<int> assignment)
    {
        Array.Clear(_parameters);
        Array.Clear(_peaks);
        int n = assignment.Length;
        int first = 0;
        for (int i = 1; i <= n; i++)
        {
            if (i < n && assignment[i] == assignment[first])
            {
                continue;
            }

            AddStage(assignment[first], first, i - 1);
            first = i;
        }

        return Worst();
    }

    /// <summary>
    /// <see cref="Overflow(ReadOnlySpan{int})"/> of the plan given as its stages (maximal runs of one device, in
    /// position order): one segment query per stage on a device with a limit, nothing per position.
    /// </summary>
    public (int Device, long Overflow, long Needed) Overflow(ReadOnlySpan<StageRun> stages)
    {
        Array.Clear(_parameters);
        Array.Clear(_peaks);
        foreach (var stage in stages)
        {
            AddStage(stage.Device, stage.First, stage.Last);
        }

        return Worst();
    }

    private void AddStage(int device, int first, int last)
    {
        if (_problem.Devices[device].MemoryBytes is not null)
        {
            var memory = _problem.Memory.Measure(first, last);
            _parameters[device] += memory.ParameterBytes;
            _peaks[device] = Math.Max(_peaks[device], memory.PeakActivationBytes);
        }
    }

    private (int Device, long Overflow, long Needed) Worst()
    {
        var problem = _problem;
        int worst = -1;
        long worstOverflow = 0;
        long worstNeed = 0;
        for (int d = 0; d < problem.DeviceCount; d++)
        {
            if (problem.Devices[d].MemoryBytes is long limit)
            {
                long need = _parameters[d] + _peaks[d];
                if (need - limit > worstOverflow)
                {
                    worst = d;
                    worstOverflow = need - limit;
                    worstNeed = need;
                }
            }
        }

        return (worst, worstOverflow, worstNeed);
    }
}
