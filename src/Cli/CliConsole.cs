namespace PartitionCompiler.Cli;

/// <summary>
/// Where a command writes: stdout for the result only (a table or one JSON document), stderr for diagnostics and
/// progress. Tests pass string writers.
/// </summary>
internal sealed class CliConsole
{
    public CliConsole(TextWriter output, TextWriter error, bool isTerminal = false)
    {
        Output = output;
        Error = error;
        IsTerminal = isTerminal;
    }

    public TextWriter Output { get; }

    public TextWriter Error { get; }

    /// <summary>True when stdout is an interactive terminal (tables may then use its width and colour).</summary>
    public bool IsTerminal { get; }
}
