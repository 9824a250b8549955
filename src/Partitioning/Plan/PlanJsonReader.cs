using System.Globalization;
using System.Text.Json;
using PartitionCompiler.Partitioning.Collections;
using PartitionCompiler.Partitioning.Diagnostics;

namespace PartitionCompiler.Partitioning.Plan;

/// <summary>
/// Reads a plan file written by <see cref="PlanJsonWriter"/>. Strict: unknown or repeated properties, missing ones,
/// wrong types and a newer <c>formatVersion</c> are errors. Every error is one PC0500 diagnostic with the line and
/// column where the problem starts; nothing throws for bad input.
/// </summary>
public static class PlanJsonReader
{
    public static PlanReadResult Read(ReadOnlySpan<byte> utf8, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (utf8.StartsWith("\uFEFF"u8))
        {
            utf8 = utf8[3..];
        }

        var text = utf8.ToArray();
        try
        {
            var root = Parse(text);
            var plan = PlanMapper.Plan(root);
            return new PlanReadResult(plan, []);
        }
        catch (JsonException e)
        {
            int line = (int)(e.LineNumber ?? 0) + 1;
            int column = (int)(e.BytePositionInLine ?? 0) + 1;
            return Fail(path, line, column, "the JSON is malformed (" + FirstSentence(e.Message) + ")");
        }
        catch (PlanFormatException e)
        {
            var (line, column) = LineAndColumn(text, e.Offset);
            return Fail(path, line, column, e.Message);
        }
    }

    private static PlanReadResult Fail(string path, int line, int column, string message) =>
        new(null, [DiagnosticCatalog.InvalidPlanFile.Create(new SourceLocation(path, line, column), message)]);

    private static string FirstSentence(string message)
    {
        int end = message.IndexOf(". ", StringComparison.Ordinal);
        return (end < 0 ? message : message[..end]).TrimEnd('.');
    }

    private static (int Line, int Column) LineAndColumn(byte[] text, long offset)
    {
        int line = 1;
        long lineStart = 0;
        for (long i = 0; i < offset && i < text.Length; i++)
        {
            if (text[i] == (byte)'\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return (line, (int)(offset - lineStart) + 1);
    }

    private static JsonNode Parse(byte[] text)
    {
        var reader = new Utf8JsonReader(text, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 64 });
        if (!reader.Read())
        {
            throw new PlanFormatException(0, "the file is empty");
        }

        var root = ReadValue(ref reader);
        if (reader.Read())
        {
            throw new PlanFormatException(reader.TokenStartIndex, "unexpected content after the plan object");
        }

        return root;
    }

    private static JsonNode ReadValue(ref Utf8JsonReader reader)
    {
        long offset = reader.TokenStartIndex;
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                var properties = new List<(string, long, JsonNode)>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    long nameOffset = reader.TokenStartIndex;
                    string name = reader.GetString()!;
                    reader.Read();
                    properties.Add((name, nameOffset, ReadValue(ref reader)));
                }

                return new JsonNode { Kind = JsonNodeKind.Object, Offset = offset, Properties = properties };
            case JsonTokenType.StartArray:
                var items = new List<JsonNode>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    items.Add(ReadValue(ref reader));
                }

                return new JsonNode { Kind = JsonNodeKind.Array, Offset = offset, Items = items };
            case JsonTokenType.String:
                return new JsonNode { Kind = JsonNodeKind.String, Offset = offset, Text = reader.GetString() };
            case JsonTokenType.Number:
                return new JsonNode
                {
                    Kind = JsonNodeKind.Number,
                    Offset = offset,
                    Text = System.Text.Encoding.UTF8.GetString(reader.ValueSpan),
                };
            case JsonTokenType.True:
            case JsonTokenType.False:
                return new JsonNode { Kind = JsonNodeKind.Boolean, Offset = offset, Boolean = reader.TokenType == JsonTokenType.True };
            default:
                return new JsonNode { Kind = JsonNodeKind.Null, Offset = offset };
        }
    }
}
