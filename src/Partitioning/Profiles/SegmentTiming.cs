using PartitionCompiler.Partitioning.Diagnostics;

namespace PartitionCompiler.Partitioning.Profiles;

/// <summary>
/// The measured median time, in seconds, of running the nodes from <see cref="First"/> to <see cref="Last"/> (node
/// keys, both included, in the model's order) as one stage on one device.
/// </summary>
public sealed record SegmentTiming(string First, string Last, double Median)
{
    /// <summary>Where the entry is written in its profile, for diagnostics.</summary>
    public SourceLocation? Location { get; init; }
}
