using PartitionCompiler.Partitioning.Collections;
using PartitionCompiler.Partitioning.Diagnostics;

namespace PartitionCompiler.Partitioning.Manifest;

/// <summary>
/// A parsed, validated device manifest (DESIGN.md section 4), quantities in base units.
/// </summary>
/// <param name="ModelPath">The model path as written (relative to the manifest), or null when the caller names the model.</param>
/// <param name="Links">Directed links; bidirectional entries are already expanded.</param>
/// <param name="Source">The device where the graph inputs appear.</param>
/// <param name="Sink">The device where the outputs are needed, or null for wherever the plan ends.</param>
public sealed record DeviceManifest(
    string? ModelPath,
    EquatableArray<InputPin> Inputs,
    PartitionStrategy Strategy,
    ObjectiveSpec Objective,
    int Alternatives,
    EquatableArray<DeviceSpec> Devices,
    EquatableArray<LinkSpec> Links,
    string Source,
    string? Sink,
    FusedOptions? Fused)
{
    /// <summary>K when the manifest says nothing.</summary>
    public const int DefaultAlternatives = 5;

    /// <summary>Where <c>"model"</c> is written in the manifest, for diagnostics about the model file.</summary>
    public SourceLocation? ModelPathLocation { get; init; }

    public int DeviceIndex(string name)
    {
        for (int i = 0; i < Devices.Count; i++)
        {
            if (string.Equals(Devices[i].Name, name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
