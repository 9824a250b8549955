namespace PartitionCompiler.Cli;

/// <summary>
/// Where a command writes: stdout for the result only (a table or one JSON document), stderr for diagnostics and
/// progress. Tests pass string writers.
/// </summary>
internal sealed class CliConsole
{
    public CliConsole(TextWriter output, TextWriter error, bool isTerminal = false, Stream? outputStream = null)
    {
        Output = output;
        Error = error;
        IsTerminal = isTerminal;
        OutputStream = outputStream;
    }

    public TextWriter Output { get; }

    /// <summary>stdout as a byte stream, when there is one: large UTF-8 results (JSON) go there without re-encoding.
    /// Null in tests, which read <see cref="Output"/>.</summary>
    public Stream? OutputStream { get; }

    public TextWriter Error { get; }

    /// <summary>True when stdout is an interactive terminal (tables may then use its width and colour).</summary>
    public bool IsTerminal { get; }

    /// <summary>True when stderr is an interactive terminal: long steps then show progress there.</summary>
    public bool ErrorIsTerminal { get; init; }
}
