using PartitionCompiler.Partitioning.Diagnostics;

namespace PartitionCompiler.Partitioning.Manifest;

/// <summary>
/// A device of the manifest, quantities in base units.
/// </summary>
/// <param name="ComputeFlopsPerSecond">Sustained compute in FLOP/s, used where no profile entry covers a node.</param>
/// <param name="MemoryBytes">Memory available to the model's stages, or null for unlimited.</param>
/// <param name="PowerWatts">Power drawn while computing, or null (energy 0).</param>
/// <param name="ProfilePath">The profile file, as written in the manifest (relative to the manifest's folder).</param>
/// <param name="Location">Where the device is declared, for diagnostics.</param>
public sealed record DeviceSpec(
    string Name,
    double ComputeFlopsPerSecond,
    long? MemoryBytes,
    double? PowerWatts,
    string? ProfilePath,
    SourceLocation Location)
{
    /// <summary>Where <c>"profile"</c> is written, for diagnostics about the profile file.</summary>
    public SourceLocation? ProfileLocation { get; init; }
}
