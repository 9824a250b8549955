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

    /// <summary>Writes UTF-8 text (a JSON document) to stdout: straight to <see cref="OutputStream"/> when there is one, after
    /// what <see cref="Output"/> holds, else through <see cref="Output"/>.</summary>
    public void WriteUtf8(ReadOnlySpan<byte> utf8)
    {
        if (OutputStream is { } stream)
        {
            Output.Flush();
            stream.Write(utf8);
            stream.Flush();
        }
        else
        {
            Output.Write(System.Text.Encoding.UTF8.GetString(utf8));
        }
    }
}
