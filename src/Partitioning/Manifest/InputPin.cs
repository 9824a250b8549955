using PartitionCompiler.Partitioning.Collections;
using PartitionCompiler.Partitioning.Diagnostics;

namespace PartitionCompiler.Partitioning.Manifest;

/// <summary>A graph input's shape pinned by the manifest (<c>"inputs"</c>) or the command line (<c>--input</c>).</summary>
public sealed record InputPin(string Name, EquatableArray<long> Dims, SourceLocation? Location);
