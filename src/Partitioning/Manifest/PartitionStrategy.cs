namespace PartitionCompiler.Partitioning.Manifest;

/// <summary>How to partition: K shortest paths over layer cuts, fused-layer tiling, or whichever is better.</summary>
public enum PartitionStrategy
{
    Auto,
    Ksp,
    Fused,
}
