namespace PartitionCompiler.Cli.Output;

/// <summary>
/// The first place two JSON documents differ: its JSON path (<c>$.stages[1].device</c>), what differs, and the byte
/// offset in the first ("expected") document to point a diagnostic at.
/// </summary>
internal sealed record JsonDifference(string Path, string Description, long Offset);
