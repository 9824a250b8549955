using System.Text;

namespace PartitionCompiler.Partitioning.Manifest.Json;

/// <summary>
/// Maps byte offsets of a UTF-8 document to 1-based line and column numbers. Lines end at <c>\n</c> (a <c>\r</c>
/// before it belongs to the line end); columns count Unicode scalar values, so a multi-byte character is one column.
/// </summary>
internal sealed class Utf8LineMap
{
    private readonly byte[] _utf8;
    private readonly List<int> _lineStarts = [0];

    public Utf8LineMap(byte[] utf8)
    {
        _utf8 = utf8;
        for (int i = 0; i < utf8.Length; i++)
        {
            if (utf8[i] == (byte)'\n')
            {
                _lineStarts.Add(i + 1);
            }
        }
    }

    /// <summary>The 1-based line and column of the byte at <paramref name="offset"/>.</summary>
    public (int Line, int Column) Locate(long offset)
    {
        int clamped = (int)Math.Clamp(offset, 0, _utf8.Length);
        int index = _lineStarts.BinarySearch(clamped);
        int line = index >= 0 ? index : ~index - 1;
        return (line + 1, ColumnOf(_lineStarts[line], clamped));
    }

    /// <summary>
    /// The 1-based line and column of a position given as a 0-based line number and a byte position in that line,
    /// the way <see cref="System.Text.Json.JsonException"/> reports it.
    /// </summary>
    public (int Line, int Column) Locate(long zeroBasedLine, long bytePositionInLine)
    {
        int line = (int)Math.Clamp(zeroBasedLine, 0, _lineStarts.Count - 1);
        int start = _lineStarts[line];
        int end = line + 1 < _lineStarts.Count ? _lineStarts[line + 1] : _utf8.Length;
        int offset = (int)Math.Clamp(start + bytePositionInLine, start, end);
        return (line + 1, ColumnOf(start, offset));
    }

    private int ColumnOf(int lineStart, int offset)
    {
        int column = 1;
        int i = lineStart;
        while (i < offset)
        {
            // A malformed byte counts as one column, like a replacement character would.
            _ = Rune.DecodeFromUtf8(_utf8.AsSpan(i, offset - i), out _, out int consumed);
            i += Math.Max(consumed, 1);
            column++;
        }

        return column;
    }
}
