using System.Text.Json;

namespace PartitionCompiler.Cli.Output;

/// <summary>
/// A parsed JSON value that remembers where it starts in its UTF-8 text, so a difference can be reported at a line
/// and column. Strings hold their unescaped value and numbers their literal text; objects keep their properties in
/// document order.
/// </summary>
internal sealed class LocatedJson
{
    private const int MaxDepth = 256;

    private LocatedJson(JsonValueKind kind, long offset, string? text, IReadOnlyList<LocatedProperty> properties, IReadOnlyList<LocatedJson> items)
    {
        Kind = kind;
        Offset = offset;
        Text = text;
        Properties = properties;
        Items = items;
    }

    public JsonValueKind Kind { get; }

    /// <summary>Byte offset of the value's first byte in the parsed text (after a byte order mark, if any).</summary>
    public long Offset { get; }

    /// <summary>A string's value or a number's literal; null for other kinds.</summary>
    public string? Text { get; }

    public IReadOnlyList<LocatedProperty> Properties { get; }

    public IReadOnlyList<LocatedJson> Items { get; }

    /// <summary>Parses one JSON document (comments and trailing commas allowed). A UTF-8 byte order mark is skipped;
    /// offsets count from after it.</summary>
    /// <exception cref="JsonException">The text is not JSON; its <c>LineNumber</c> and <c>BytePositionInLine</c> say where.</exception>
    public static LocatedJson Parse(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(WithoutBom(utf8), new JsonReaderOptions
        {
            CommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
            MaxDepth = MaxDepth,
        });
        if (!reader.Read())
        {
            throw new JsonException("the file is empty", null, 0, 0);
        }

        LocatedJson value = ReadValue(ref reader);
        if (reader.Read())
        {
            throw new JsonException("more than one JSON value");
        }

        return value;
    }

    /// <summary><paramref name="utf8"/> without a leading UTF-8 byte order mark.</summary>
    public static ReadOnlySpan<byte> WithoutBom(ReadOnlySpan<byte> utf8) =>
        utf8.StartsWith("\uFEFF"u8) ? utf8[3..] : utf8;

    private static LocatedJson ReadValue(ref Utf8JsonReader reader)
    {
        long offset = reader.TokenStartIndex;
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                var properties = new List<LocatedProperty>();
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    long nameOffset = reader.TokenStartIndex;
                    string name = reader.GetString()!;
                    reader.Read();
                    properties.Add(new LocatedProperty(name, nameOffset, ReadValue(ref reader)));
                }

                return new LocatedJson(JsonValueKind.Object, offset, null, properties, []);
            case JsonTokenType.StartArray:
                var items = new List<LocatedJson>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    items.Add(ReadValue(ref reader));
                }

                return new LocatedJson(JsonValueKind.Array, offset, null, [], items);
            case JsonTokenType.String:
                return new LocatedJson(JsonValueKind.String, offset, reader.GetString(), [], []);
            case JsonTokenType.Number:
                return new LocatedJson(JsonValueKind.Number, offset, System.Text.Encoding.UTF8.GetString(reader.ValueSpan), [], []);
            case JsonTokenType.True:
                return new LocatedJson(JsonValueKind.True, offset, null, [], []);
            case JsonTokenType.False:
                return new LocatedJson(JsonValueKind.False, offset, null, [], []);
            default:
                return new LocatedJson(JsonValueKind.Null, offset, null, [], []);
        }
    }
}
