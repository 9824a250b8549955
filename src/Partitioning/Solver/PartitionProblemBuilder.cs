using PartitionCompiler.Partitioning.Collections;
using PartitionCompiler.Partitioning.Costs;
using PartitionCompiler.Partitioning.Diagnostics;
using PartitionCompiler.Partitioning.Manifest;
using PartitionCompiler.Partitioning.Plan;
using PartitionCompiler.Partitioning.Profiles;

namespace PartitionCompiler.Partitioning.Solver;

/// <summary>
/// Builds the solver's <see cref="PartitionProblem"/> from the plan graph, the cost model, the manifest and the
/// devices' profiles.
/// </summary>
/// <remarks>
/// <para>Device time of a position: the profile's median for that node key when the device's profile has one (by key,
/// never by position); else, when a profiled segment covers the position, its share of that segment (below); else
/// FLOPs / the device's compute. Energy: the device's power times that time.</para>
/// <para>Segments: a profiled segment (first..last node keys, taken as the positions between them) has a measured
/// total. The positions it covers that have their own node entry keep it; the rest of the total (never below 0) is
/// spread over the others in proportion to their FLOPs (evenly when they have none). Segments apply in file order; a
/// position an earlier segment already priced keeps that price.</para>
/// <para>Cuts come from <see cref="PlanGraph.Cuts"/> (graph outputs travel to the sink), memory from the cost model's
/// segment queries.</para>
/// </remarks>
public static class PartitionProblemBuilder
{
    /// <param name="profiles">Validated profiles (see <c>ProfileValidator</c>) by manifest device name; devices without
    /// one are estimated from FLOPs.</param>
    /// <param name="manifestLocation">The manifest file, for solver diagnostics with no better place.</param>
    public static PartitionProblem Build(
        PlanGraph graph,
        GraphCosts costs,
        DeviceManifest manifest,
        IReadOnlyDictionary<string, DeviceProfile> profiles,
        SourceLocation? manifestLocation = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(costs);
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(profiles);
        int n = graph.Positions.Count;
        int d = manifest.Devices.Count;
        var seconds = new double[d * n];
        var energy = new double[d * n];
        var position = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int p = 0; p < n; p++)
        {
            position[graph.Positions[p].Key] = p;
        }

        for (int dev = 0; dev < d; dev++)
        {
            var device = manifest.Devices[dev];
            var row = seconds.AsSpan(dev * n, n);
            DeviceTimes(graph, device, profiles.GetValueOrDefault(device.Name), position, row);
            double power = device.PowerWatts ?? 0;
            for (int p = 0; p < n; p++)
            {
                energy[(dev * n) + p] = power * row[p];
            }
        }

        var links = manifest.Links
            .Select(l => new ProblemLink(manifest.DeviceIndex(l.From), manifest.DeviceIndex(l.To), l.BytesPerSecond, l.LatencySeconds, l.PowerWatts ?? 0))
            .ToEquatableArray();
        int? sink = manifest.Sink is string name ? manifest.DeviceIndex(name) : null;
        return new PartitionProblem(
            n,
            graph.Positions.Select(p => p.Key).ToEquatableArray(),
            manifest.Devices.Select(s => new ProblemDevice(s.Name, s.MemoryBytes, s.PowerWatts ?? 0, s.Location)).ToEquatableArray(),
            links,
            seconds.ToEquatableArray(),
            energy.ToEquatableArray(),
            graph.Cuts(),
            manifest.DeviceIndex(manifest.Source),
            sink,
            manifest.Objective,
            new CostModelSegmentMemory(costs),
            manifestLocation);
    }

    private static void DeviceTimes(PlanGraph graph, DeviceSpec device, DeviceProfile? profile, Dictionary<string, int> position, Span<double> row)
    {
        int n = row.Length;
        var priced = new bool[n];
        if (profile is not null)
        {
            for (int p = 0; p < n; p++)
            {
                if (profile.MedianSeconds(graph.Positions[p].Key) is double median)
                {
                    row[p] = median;
                    priced[p] = true;
                }
            }

            foreach (var segment in profile.Segments)
            {
                if (!position.TryGetValue(segment.First, out int a) || !position.TryGetValue(segment.Last, out int b))
                {
                    continue;
                }

                SpreadSegment(graph, segment.Median, Math.Min(a, b), Math.Max(a, b), row, priced);
            }
        }

        for (int p = 0; p < n; p++)
        {
            if (!priced[p])
            {
                row[p] = graph.Positions[p].Flops / device.ComputeFlopsPerSecond;
            }
        }
    }

    private static void SpreadSegment(PlanGraph graph, double total, int first, int last, Span<double> row, bool[] priced)
    {
        double known = 0;
        double flops = 0;
        int open = 0;
        for (int p = first; p <= last; p++)
        {
            if (priced[p])
            {
                known += row[p];
            }
            else
            {
                flops += graph.Positions[p].Flops;
                open++;
            }
        }

        if (open == 0)
        {
            return;
        }

        double rest = Math.Max(0, total - known);
        for (int p = first; p <= last; p++)
        {
            if (!priced[p])
            {
                row[p] = flops > 0 ? rest * graph.Positions[p].Flops / flops : rest / open;
                priced[p] = true;
            }
        }
    }

    /// <summary>The cost model's segment queries as the solver's stage memory.</summary>
    private sealed class CostModelSegmentMemory(GraphCosts costs) : ISegmentMemory
    {
        public SegmentMemory Measure(int first, int last) =>
            new(costs.SegmentParameterBytes(first, last), costs.SegmentPeakActivationBytes(first, last));
    }
}
