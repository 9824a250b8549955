using System.Text;

namespace PartitionCompiler.Cli.Output;

/// <summary>Turns a byte offset in UTF-8 text into the 1-based line and column (in characters) editors show.</summary>
internal static class TextPosition
{
    public static (int Line, int Column) FromUtf8Offset(ReadOnlySpan<byte> utf8, long offset)
    {
        int end = (int)Math.Clamp(offset, 0, utf8.Length);
        ReadOnlySpan<byte> before = utf8[..end];
        int lineStart = before.LastIndexOf((byte)'\n') + 1;
        int line = before.Count((byte)'\n') + 1;
        int column = Encoding.UTF8.GetCharCount(before[lineStart..]) + 1;
        return (line, column);
    }
}
