namespace PartitionCompiler.Cli.Output;

/// <summary>One line of the outputs list: a file a run produced and what it is. <see cref="Path"/> is absolute.</summary>
internal sealed record OutputEntry(OutputKind Kind, string Path);
