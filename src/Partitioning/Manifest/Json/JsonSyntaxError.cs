using PartitionCompiler.Partitioning.Diagnostics;

namespace PartitionCompiler.Partitioning.Manifest.Json;

/// <summary>Why a file is not valid JSON, and where.</summary>
internal sealed record JsonSyntaxError(string Message, SourceLocation Location);
