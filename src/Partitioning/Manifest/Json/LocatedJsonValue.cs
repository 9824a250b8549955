using System.Text.Json;
using PartitionCompiler.Partitioning.Diagnostics;

namespace PartitionCompiler.Partitioning.Manifest.Json;

/// <summary>
/// A JSON value that remembers where it starts in its file, so that every diagnostic can point at the offending token.
/// </summary>
internal sealed class LocatedJsonValue
{
    private LocatedJsonValue(JsonValueKind kind, SourceLocation location)
    {
        Kind = kind;
        Location = location;
    }

    public JsonValueKind Kind { get; }

    public SourceLocation Location { get; }

    /// <summary>The properties of an object, in file order (duplicates kept, so they can be reported).</summary>
    public IReadOnlyList<LocatedJsonProperty> Properties { get; private init; } = [];

    /// <summary>The items of an array.</summary>
    public IReadOnlyList<LocatedJsonValue> Items { get; private init; } = [];

    /// <summary>The text of a string.</summary>
    public string? String { get; private init; }

    /// <summary>The value of a number.</summary>
    public double Number { get; private init; }

    /// <summary>The value of a number when it is a whole number that fits a long, else null.</summary>
    public long? Integer { get; private init; }

    /// <summary>The number as written in the file.</summary>
    public string? RawNumber { get; private init; }

    /// <summary>How the kind reads in a message: <c>an object</c>, <c>a string</c>...</summary>
    public string KindText => Describe(Kind);

    public static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    public static LocatedJsonValue Object(SourceLocation location, IReadOnlyList<LocatedJsonProperty> properties) =>
        new(JsonValueKind.Object, location) { Properties = properties };

    public static LocatedJsonValue Array(SourceLocation location, IReadOnlyList<LocatedJsonValue> items) =>
        new(JsonValueKind.Array, location) { Items = items };

    public static LocatedJsonValue FromString(SourceLocation location, string text) =>
        new(JsonValueKind.String, location) { String = text };

    public static LocatedJsonValue FromNumber(SourceLocation location, double value, long? integer, string raw) =>
        new(JsonValueKind.Number, location) { Number = value, Integer = integer, RawNumber = raw };

    public static LocatedJsonValue Literal(JsonValueKind kind, SourceLocation location) => new(kind, location);
}
