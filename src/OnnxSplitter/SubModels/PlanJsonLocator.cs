using System.Globalization;
using System.Text.Json;
using PartitionCompiler.Partitioning.Diagnostics;

namespace PartitionCompiler.OnnxSplitter.SubModels;

/// <summary>
/// Points diagnostics about a plan at the line and column of a JSON value in the plan file, by JSON path
/// (<c>$.stages[1].nodes[3]</c>). Without the file's text (a plan still in memory) it points at the file, or nowhere.
/// </summary>
public sealed class PlanJsonLocator
{
    private readonly string? _path;
    private readonly byte[]? _text;
    private Dictionary<string, (int Line, int Column)>? _positions;

    private PlanJsonLocator(string? path, byte[]? text)
    {
        _path = path;
        _text = text;
    }

    /// <summary>A locator that names no file (the plan exists only in memory).</summary>
    public static PlanJsonLocator None { get; } = new(null, null);

    /// <summary>A locator for the plan file at <paramref name="path"/> whose UTF-8 text is <paramref name="utf8"/>.</summary>
    public static PlanJsonLocator FromJson(string path, byte[] utf8)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(utf8);
        return new PlanJsonLocator(path, utf8);
    }

    /// <summary>A locator that names the plan file but no line.</summary>
    public static PlanJsonLocator ForFile(string path) => new(path, null);

    /// <summary>The plan file (no line), or null.</summary>
    public SourceLocation? File => _path is null ? null : new SourceLocation(_path);

    /// <summary>Where the value at <paramref name="jsonPath"/> starts; the file alone when the path is not found.</summary>
    public SourceLocation? Locate(string jsonPath)
    {
        if (_path is null)
        {
            return null;
        }

        _positions ??= Index(_text);
        return _positions.TryGetValue(jsonPath, out var position)
            ? new SourceLocation(_path, position.Line, position.Column)
            : new SourceLocation(_path);
    }

    /// <summary>The start of every value by JSON path; empty when the text is not JSON.</summary>
    private static Dictionary<string, (int Line, int Column)> Index(byte[]? text)
    {
        var positions = new Dictionary<string, (int, int)>(StringComparer.Ordinal);
        if (text is null)
        {
            return positions;
        }

        var lineStarts = new List<int> { 0 };
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == (byte)'\n')
            {
                lineStarts.Add(i + 1);
            }
        }

        (int, int) Position(long offset)
        {
            int line = lineStarts.BinarySearch((int)offset);
            line = line >= 0 ? line : ~line - 1;
            return (line + 1, (int)offset - lineStarts[line] + 1);
        }

        // A stack of containers: for an object the name of the pending property, for an array the next index.
        var stack = new Stack<(string Path, bool IsArray, int Index, string? Property)>();
        var reader = new Utf8JsonReader(text, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName)
                {
                    var top = stack.Pop();
                    stack.Push(top with { Property = reader.GetString() });
                    continue;
                }

                if (reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray)
                {
                    stack.Pop();
                    continue;
                }

                string path = "$";
                if (stack.Count > 0)
                {
                    var top = stack.Pop();
                    path = top.IsArray
                        ? string.Create(CultureInfo.InvariantCulture, $"{top.Path}[{top.Index}]")
                        : $"{top.Path}.{top.Property}";
                    stack.Push(top.IsArray ? top with { Index = top.Index + 1 } : top);
                }

                positions.TryAdd(path, Position(reader.TokenStartIndex));
                if (reader.TokenType == JsonTokenType.StartObject)
                {
                    stack.Push((path, false, 0, null));
                }
                else if (reader.TokenType == JsonTokenType.StartArray)
                {
                    stack.Push((path, true, 0, null));
                }
            }
        }
        catch (JsonException)
        {
            // A damaged plan keeps the positions found before the damage.
        }

        return positions;
    }
}
