using PartitionCompiler.Partitioning.Collections;
using PartitionCompiler.Partitioning.Diagnostics;
using PartitionCompiler.Partitioning.Manifest;

namespace PartitionCompiler.Partitioning.Solver;

/// <summary>
/// The pure input of the K-shortest-paths partition solver (DESIGN.md section 6): n positions in topological order,
/// per device and position the compute time and energy, per cut what crosses it, the devices and directed links, where
/// the data starts and must end, what to minimise, and how much memory a stage needs.
/// </summary>
/// <param name="PositionCount">n, the number of positions (at least 1).</param>
/// <param name="PositionNames">The node key at each position (for diagnostics and plans).</param>
/// <param name="ComputeSeconds">Device time of each position: entry <c>device * n + position</c>.</param>
/// <param name="ComputeEnergy">Energy (J) of each position on each device, same layout.</param>
/// <param name="Cuts">n + 1 entries: <c>Cuts[k + 1]</c> is cut k = -1..n-1 (after position k; -1 = the graph inputs
/// before the first node; n - 1 = the graph outputs, consumed at the virtual position n on the sink).</param>
/// <param name="Source">The device index where the graph inputs appear.</param>
/// <param name="Sink">The device index where the graph outputs are needed, or null: wherever the plan ends.</param>
/// <param name="Memory">Stage memory; consulted only for devices with a memory limit.</param>
/// <param name="Location">The manifest, for diagnostics that have no better place to point at.</param>
public sealed record PartitionProblem(
    int PositionCount,
    EquatableArray<string> PositionNames,
    EquatableArray<ProblemDevice> Devices,
    EquatableArray<ProblemLink> Links,
    EquatableArray<double> ComputeSeconds,
    EquatableArray<double> ComputeEnergy,
    EquatableArray<ProblemCut> Cuts,
    int Source,
    int? Sink,
    ObjectiveSpec Objective,
    ISegmentMemory Memory,
    SourceLocation? Location = null)
{
    public int DeviceCount => Devices.Count;

    /// <summary>The cut after position <paramref name="after"/> (-1..n-1).</summary>
    public ProblemCut Cut(int after) => Cuts[after + 1];

    /// <summary>The objective weight of running <paramref name="position"/> on <paramref name="device"/>.</summary>
    public double ComputeCost(int device, int position)
    {
        int i = (device * PositionCount) + position;
        return Objective.Evaluate(ComputeSeconds[i], ComputeEnergy[i]);
    }

    /// <summary>Throws <see cref="ArgumentException"/> when the arrays do not fit together (a caller bug, not user input).</summary>
    public void Validate()
    {
        int n = PositionCount;
        int d = Devices.Count;
        Require(n >= 1, "PositionCount must be at least 1.");
        Require(d >= 1, "There must be at least one device.");
        Require(PositionNames.Count == n, "PositionNames needs one name per position.");
        Require(ComputeSeconds.Count == n * d && ComputeEnergy.Count == n * d, "ComputeSeconds and ComputeEnergy need device * n entries.");
        Require(Cuts.Count == n + 1, "Cuts needs n + 1 entries (cuts -1..n-1).");
        Require(Source >= 0 && Source < d, "Source is not a device index.");
        Require(Sink is null || (Sink >= 0 && Sink < d), "Sink is not a device index.");
        Require(double.IsFinite(Objective.LatencyWeight) && double.IsFinite(Objective.EnergyWeight)
            && Objective.LatencyWeight >= 0 && Objective.EnergyWeight >= 0, "Objective weights must be finite and non-negative.");
        foreach (double value in ComputeSeconds)
        {
            Require(double.IsFinite(value) && value >= 0, "Compute times must be finite and non-negative.");
        }

        foreach (double value in ComputeEnergy)
        {
            Require(double.IsFinite(value) && value >= 0, "Compute energies must be finite and non-negative.");
        }

        foreach (var cut in Cuts)
        {
            Require(cut.Bytes >= 0, "Cut bytes must be non-negative.");
        }

        foreach (var link in Links)
        {
            Require(link.From >= 0 && link.From < d && link.To >= 0 && link.To < d && link.From != link.To, "A link must join two different devices.");
            Require(link.BytesPerSecond > 0 && double.IsFinite(link.LatencySeconds) && link.LatencySeconds >= 0
                && double.IsFinite(link.PowerWatts) && link.PowerWatts >= 0, "A link needs a positive rate and finite, non-negative latency and power.");
        }
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new ArgumentException(message);
        }
    }
}
