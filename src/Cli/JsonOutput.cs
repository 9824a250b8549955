using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace PartitionCompiler.Cli;

/// <summary>
/// The one JSON document a command prints with <c>--json</c>: indented, <c>\n</c> line ends and a final newline, non-ASCII
/// text as is, written to stdout as UTF-8.
/// </summary>
internal static class JsonOutput
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Writes the document that <paramref name="write"/> writes, and a newline, to stdout.</summary>
    public static void Write(CliConsole console, Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            write(json);
        }

        buffer.Write("\n"u8);
        console.WriteUtf8(buffer.WrittenSpan);
    }
}
