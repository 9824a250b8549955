using System.Collections.Immutable;

namespace PartitionCompiler.Partitioning.Manifest;

/// <summary>
/// The property names the manifest parser knows, per object. The JSON Schema (schemas/partition-manifest.schema.json)
/// declares exactly these; a test keeps the two equal.
/// </summary>
internal static class ManifestPropertyNames
{
    public static ImmutableArray<string> Root { get; } =
        ["$schema", "model", "inputs", "strategy", "objective", "alternatives", "devices", "links", "source", "sink", "fused"];

    public static ImmutableArray<string> Objective { get; } = ["latency", "energy"];

    public static ImmutableArray<string> Device { get; } = ["name", "compute", "memory", "power", "profile"];

    public static ImmutableArray<string> Link { get; } = ["from", "to", "bandwidth", "channel", "latency", "power", "bidirectional"];

    public static ImmutableArray<string> Channel { get; } = ["bandwidth", "txPower", "gain", "noise"];

    public static ImmutableArray<string> Fused { get; } = ["endDevice", "server", "maxPaths", "solver"];

    public static ImmutableArray<string> Strategies { get; } = ["auto", "ksp", "fused"];

    public static ImmutableArray<string> Objectives { get; } = ["latency", "energy"];

    public static ImmutableArray<string> FusedSolvers { get; } = ["mw", "bf", "best"];
}
