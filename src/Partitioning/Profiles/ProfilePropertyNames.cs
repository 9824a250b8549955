using System.Collections.Immutable;

namespace PartitionCompiler.Partitioning.Profiles;

/// <summary>
/// The property names the profile parser knows, per object; schemas/partition-profile.schema.json declares exactly
/// these (a test keeps them equal).
/// </summary>
internal static class ProfilePropertyNames
{
    public static ImmutableArray<string> Root { get; } = ["$schema", "formatVersion", "device", "model", "unit", "nodes", "segments"];

    public static ImmutableArray<string> Model { get; } = ["sha256"];

    public static ImmutableArray<string> Node { get; } = ["median", "p10", "p90"];

    public static ImmutableArray<string> Segment { get; } = ["first", "last", "median"];

    /// <summary>The time units a profile may use, and seconds per unit.</summary>
    public static ImmutableArray<(string Unit, double Divisor)> Units { get; } =
        [("s", 1), ("ms", 1e3), ("us", 1e6), ("\u00b5s", 1e6), ("\u03bcs", 1e6), ("ns", 1e9)];
}
