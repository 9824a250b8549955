using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using PartitionCompiler.Partitioning.Diagnostics;

namespace PartitionCompiler.Partitioning.Manifest.Json;

/// <summary>
/// Reads a JSON document (comments and trailing commas allowed) into <see cref="LocatedJsonValue"/>s that carry the
/// 1-based line and column of every property name and value. Pure: it reads the bytes it is given.
/// </summary>
internal static partial class LocatedJsonParser
{
    /// <summary>2^53: above it a double no longer holds every whole number.</summary>
    private const double MaxExactInteger = 9007199254740992;

    private static readonly JsonReaderOptions Options = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        MaxDepth = 64,
    };

    /// <summary>Parses the document, or returns null and the reader's error with its location.</summary>
    public static LocatedJsonValue? Parse(string text, string path, out JsonSyntaxError? error)
    {
        // A byte order mark is not part of the document (and editors do not count it as a column).
        string body = text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
        return Parse(Encoding.UTF8.GetBytes(body), path, out error);
    }

    /// <summary>Parses UTF-8 bytes (a leading byte order mark is skipped).</summary>
    public static LocatedJsonValue? Parse(ReadOnlySpan<byte> utf8, string path, out JsonSyntaxError? error)
    {
        byte[] bytes = (utf8.StartsWith("\uFEFF"u8) ? utf8[3..] : utf8).ToArray();
        var lines = new Utf8LineMap(bytes);
        var reader = new Utf8JsonReader(bytes, Options);
        try
        {
            if (!reader.Read())
            {
                var end = lines.Locate(bytes.Length);
                error = new JsonSyntaxError("the file holds no JSON value", new SourceLocation(path, end.Line, end.Column));
                return null;
            }

            var state = new ParseState(lines, path);
            var root = ReadValue(ref reader, state);
            if (state.Error is not null)
            {
                error = state.Error;
                return null;
            }

            if (reader.Read())
            {
                // Utf8JsonReader stops at the end of the first value only for multi-segment input; reaching here means
                // a second value follows the first.
                var at = lines.Locate(reader.TokenStartIndex);
                error = new JsonSyntaxError("more than one JSON value in the file", new SourceLocation(path, at.Line, at.Column));
                return null;
            }

            error = null;
            return root;
        }
        catch (JsonException ex)
        {
            var at = lines.Locate(ex.LineNumber ?? 0, ex.BytePositionInLine ?? 0);
            error = new JsonSyntaxError(CleanMessage(ex.Message), new SourceLocation(path, at.Line, at.Column));
            return null;
        }
        catch (InvalidOperationException ex)
        {
            // Invalid UTF-8 inside a string surfaces here when the value is decoded.
            var at = lines.Locate(reader.TokenStartIndex);
            error = new JsonSyntaxError(CleanMessage(ex.Message), new SourceLocation(path, at.Line, at.Column));
            return null;
        }
    }

    private static LocatedJsonValue ReadValue(ref Utf8JsonReader reader, ParseState state)
    {
        var location = state.At(reader.TokenStartIndex);
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                var properties = new List<LocatedJsonProperty>();
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var nameLocation = state.At(reader.TokenStartIndex);
                    string name = reader.GetString()!;
                    reader.Read();
                    var value = ReadValue(ref reader, state);
                    properties.Add(new LocatedJsonProperty(name, nameLocation, value));
                }

                return LocatedJsonValue.Object(location, properties);

            case JsonTokenType.StartArray:
                var items = new List<LocatedJsonValue>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    items.Add(ReadValue(ref reader, state));
                }

                return LocatedJsonValue.Array(location, items);

            case JsonTokenType.String:
                return LocatedJsonValue.FromString(location, reader.GetString()!);

            case JsonTokenType.Number:
                string raw = Encoding.UTF8.GetString(reader.ValueSpan);
                if (!reader.TryGetDouble(out double number) || !double.IsFinite(number))
                {
                    state.Error ??= new JsonSyntaxError($"the number {raw} is out of range", location);
                    return LocatedJsonValue.Literal(JsonValueKind.Null, location);
                }

                long? integer = reader.TryGetInt64(out long whole) ? whole
                    : Math.Floor(number) == number && Math.Abs(number) <= MaxExactInteger ? (long)number : null;
                return LocatedJsonValue.FromNumber(location, number, integer, raw);

            case JsonTokenType.True:
            case JsonTokenType.False:
            case JsonTokenType.Null:
                return LocatedJsonValue.Literal(
                    reader.TokenType switch
                    {
                        JsonTokenType.True => JsonValueKind.True,
                        JsonTokenType.False => JsonValueKind.False,
                        _ => JsonValueKind.Null,
                    },
                    location);

            default:
                state.Error ??= new JsonSyntaxError($"unexpected token {reader.TokenType}", location);
                return LocatedJsonValue.Literal(JsonValueKind.Null, location);
        }
    }

    /// <summary>Drops the reader's own "LineNumber: n | BytePositionInLine: m." tail: the location says it better.</summary>
    private static string CleanMessage(string message)
    {
        string trimmed = PositionTail().Replace(message, string.Empty).Trim();
        return trimmed.Length == 0 ? message : trimmed;
    }

    private sealed class ParseState(Utf8LineMap lines, string path)
    {
        public JsonSyntaxError? Error { get; set; }

        public SourceLocation At(long offset)
        {
            var (line, column) = lines.Locate(offset);
            return new SourceLocation(path, line, column);
        }
    }

    [GeneratedRegex(@"\s*(Path: \S*\s*\|\s*)?LineNumber: \d+ \| BytePositionInLine: \d+\.?\s*$")]
    private static partial Regex PositionTail();
}
