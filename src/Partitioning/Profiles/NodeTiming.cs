using PartitionCompiler.Partitioning.Diagnostics;

namespace PartitionCompiler.Partitioning.Profiles;

/// <summary>A node's measured time on one device, in seconds: the median and, where measured, the 10th and 90th percentiles.</summary>
public sealed record NodeTiming(double Median, double? P10, double? P90)
{
    /// <summary>Where the entry is written in its profile, for diagnostics.</summary>
    public SourceLocation? Location { get; init; }
}
