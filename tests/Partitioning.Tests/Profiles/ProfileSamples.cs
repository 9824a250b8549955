namespace PartitionCompiler.Partitioning.Tests.Profiles;

internal static class ProfileSamples
{
    public const string Path = "app/profiles/phone.profile.json";

    public const string Sha = "3f1a6c0e9b2d4f5a7c8e0a1b2c3d4e5f60718293a4b5c6d7e8f90123456789ab";

    /// <summary>The profile example of DESIGN.md section 4, with a real-looking hash.</summary>
    public const string Design = $$"""
        { "formatVersion": 1, "device": "phone", "model": { "sha256": "{{Sha}}" }, "unit": "ms",
          "nodes": { "conv1": { "median": 1.23, "p10": 1.1, "p90": 1.4 } },
          "segments": [ { "first": "conv1", "last": "pool2", "median": 5.6 } ] }
        """;
}
