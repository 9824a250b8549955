using PartitionCompiler.Partitioning.Diagnostics;

namespace PartitionCompiler.Partitioning.Manifest;

/// <summary>
/// A directed link between two devices (a bidirectional manifest entry becomes two of these).
/// A transfer of b bytes costs <see cref="LatencySeconds"/> + b / <see cref="BytesPerSecond"/>.
/// </summary>
/// <param name="BytesPerSecond">The data rate: given, or from <see cref="Channel"/>.</param>
/// <param name="PowerWatts">Power drawn while transferring, or null (energy 0).</param>
/// <param name="Channel">The Shannon channel the rate came from, if any.</param>
public sealed record LinkSpec(
    string From,
    string To,
    double BytesPerSecond,
    double LatencySeconds,
    double? PowerWatts,
    ChannelSpec? Channel,
    SourceLocation Location)
{
    /// <summary>The hop's name in plans: <c>from-&gt;to</c>.</summary>
    public string Name => $"{From}->{To}";

    public double TransferSeconds(long bytes) => LatencySeconds + bytes / BytesPerSecond;
}
