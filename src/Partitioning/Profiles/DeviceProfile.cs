using System.Collections.Immutable;
using PartitionCompiler.Partitioning.Collections;
using PartitionCompiler.Partitioning.Diagnostics;

namespace PartitionCompiler.Partitioning.Profiles;

/// <summary>
/// Measured times of a model's nodes on one device (DESIGN.md section 4), all in seconds whatever unit the file used.
/// The cost model takes a node's time from <see cref="Nodes"/> (by node key, never by position) when it is there, and
/// from FLOPs / compute otherwise.
/// </summary>
/// <param name="Device">The device the profile was measured on, as the file says.</param>
/// <param name="ModelSha256">The sha256 of the model it was measured with, lowercase hex.</param>
/// <param name="Nodes">Node key -> timing, ordered by key (ordinal).</param>
/// <param name="Segments">Measured multi-node segments, in file order.</param>
/// <param name="Location">The profile file (line 1), for diagnostics.</param>
public sealed record DeviceProfile(
    string Device,
    string ModelSha256,
    ImmutableSortedDictionary<string, NodeTiming> Nodes,
    EquatableArray<SegmentTiming> Segments,
    SourceLocation Location)
{
    /// <summary>The format version this code reads and writes.</summary>
    public const int FormatVersion = 1;

    /// <summary>Where <c>"device"</c> is written, for diagnostics.</summary>
    public SourceLocation? DeviceLocation { get; init; }

    /// <summary>Where <c>"model": {"sha256"}</c> is written, for diagnostics.</summary>
    public SourceLocation? ModelSha256Location { get; init; }

    /// <summary>The median seconds of a node, or null when the profile does not cover it.</summary>
    public double? MedianSeconds(string nodeKey) => Nodes.TryGetValue(nodeKey, out var timing) ? timing.Median : null;

    public bool Equals(DeviceProfile? other) =>
        other is not null
        && string.Equals(Device, other.Device, StringComparison.Ordinal)
        && string.Equals(ModelSha256, other.ModelSha256, StringComparison.Ordinal)
        && Nodes.Count == other.Nodes.Count
        && Nodes.All(pair => other.Nodes.TryGetValue(pair.Key, out var timing) && pair.Value == timing)
        && Segments == other.Segments
        && Location == other.Location
        && DeviceLocation == other.DeviceLocation
        && ModelSha256Location == other.ModelSha256Location;

    public override int GetHashCode() => HashCode.Combine(Device, ModelSha256, Nodes.Count, Segments, Location);
}
