namespace PartitionCompiler.Partitioning.Manifest;

/// <summary>The manifest's <c>"fused"</c> section: the end device and server of fused-layer tiling, and its search limits.</summary>
public sealed record FusedOptions(string EndDevice, string Server, int MaxPaths, string Solver);
