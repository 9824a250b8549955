namespace PartitionCompiler.Partitioning.Diagnostics;

/// <summary>
/// Where a diagnostic points: a file, and a 1-based line and column where one exists
/// (manifest and plan JSON have them; an ONNX model does not).
/// </summary>
public sealed record SourceLocation(string Path, int? Line = null, int? Column = null)
{
    /// <summary>The MSBuild canonical prefix: <c>path(line,col)</c>, or just <c>path</c> without a line.</summary>
    public override string ToString() =>
        Line is int line ? $"{Path}({line},{Column ?? 1})" : Path;
}
