using PartitionCompiler.Partitioning.Diagnostics;

namespace PartitionCompiler.Partitioning.Manifest.Json;

/// <summary>A property of a JSON object, with the location of its name.</summary>
internal sealed record LocatedJsonProperty(string Name, SourceLocation NameLocation, LocatedJsonValue Value);
