namespace PartitionCompiler.Cli.Output;

/// <summary>An object's property: its name, where the name starts, and its value.</summary>
internal sealed record LocatedProperty(string Name, long NameOffset, LocatedJson Value);
