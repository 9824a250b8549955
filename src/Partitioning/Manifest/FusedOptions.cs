using PartitionCompiler.Partitioning.Diagnostics;

namespace PartitionCompiler.Partitioning.Manifest;

/// <summary>The manifest's <c>"fused"</c> section: the end device and server of fused-layer tiling, and its search limits.</summary>
/// <param name="MaxPaths">The most FL paths (tiles) the search tries; default <see cref="DefaultMaxPaths"/>.</param>
/// <param name="Solver"><c>mw</c>, <c>bf</c> or <c>best</c>; default <c>mw</c>.</param>
public sealed record FusedOptions(string EndDevice, string Server, int MaxPaths, string Solver)
{
    /// <summary>The path limit when the manifest gives none.</summary>
    public const int DefaultMaxPaths = 64;

    /// <summary>The solver when the manifest gives none.</summary>
    public const string DefaultSolver = "mw";

    /// <summary>Where the section is written, for diagnostics.</summary>
    public SourceLocation? Location { get; init; }
}
