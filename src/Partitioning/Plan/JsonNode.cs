namespace PartitionCompiler.Partitioning.Plan;

/// <summary>
/// A parsed JSON value that remembers where it starts (byte offset in the document), so that errors about a plan's
/// content can name a line and column. Numbers keep their text.
/// </summary>
internal sealed class JsonNode
{
    public required JsonNodeKind Kind { get; init; }

    public required long Offset { get; init; }

    /// <summary>A string's value, or a number's text.</summary>
    public string? Text { get; init; }

    public bool Boolean { get; init; }

    /// <summary>An object's properties in document order (name, offset of the name, value).</summary>
    public List<(string Name, long Offset, JsonNode Value)>? Properties { get; init; }

    public List<JsonNode>? Items { get; init; }
}
