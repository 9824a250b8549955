using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace PartitionCompiler.Cli.Output;

/// <summary>
/// Compares two JSON documents as values, not bytes: object properties in any order, array items in order, strings
/// ordinally, numbers by exact value (<see cref="JsonNumbers"/>). Whitespace, property order, line endings and
/// number spelling do not count. Reports the first difference in the expected document's order.
/// </summary>
internal static partial class JsonValueComparer
{
    private const int MaxShown = 80;

    // Messages show names and strings as written, not with every non-ASCII character escaped.
    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The first difference between <paramref name="expected"/> (the plan on disk) and
    /// <paramref name="actual"/> (the solved plan); null when they are equal as JSON values.</summary>
    public static JsonDifference? FirstDifference(LocatedJson expected, LocatedJson actual) =>
        Compare(expected, actual, "$");

    private static JsonDifference? Compare(LocatedJson expected, LocatedJson actual, string path)
    {
        if (!SameKind(expected.Kind, actual.Kind))
        {
            return Differs(expected, actual, path);
        }

        switch (expected.Kind)
        {
            case JsonValueKind.Object:
                return CompareObjects(expected, actual, path);
            case JsonValueKind.Array:
                return CompareArrays(expected, actual, path);
            case JsonValueKind.String:
                return string.Equals(expected.Text, actual.Text, StringComparison.Ordinal) ? null : Differs(expected, actual, path);
            case JsonValueKind.Number:
                return JsonNumbers.ValueEquals(expected.Text!, actual.Text!) ? null : Differs(expected, actual, path);
            default:
                return expected.Kind == actual.Kind ? null : Differs(expected, actual, path);
        }
    }

    private static JsonDifference? CompareObjects(LocatedJson expected, LocatedJson actual, string path)
    {
        Dictionary<string, LocatedJson> actualByName = ByName(actual);
        foreach (LocatedProperty property in expected.Properties)
        {
            string childPath = Child(path, property.Name);
            if (!actualByName.TryGetValue(property.Name, out LocatedJson? other))
            {
                return new JsonDifference(childPath, "the plan has this property, the solved plan does not", property.NameOffset);
            }

            JsonDifference? difference = Compare(property.Value, other, childPath);
            if (difference is not null)
            {
                return difference;
            }
        }

        Dictionary<string, LocatedJson> expectedByName = ByName(expected);
        foreach (LocatedProperty property in actual.Properties)
        {
            if (!expectedByName.ContainsKey(property.Name))
            {
                return new JsonDifference(Child(path, property.Name),
                    $"the solved plan has this property ({Show(property.Value)}), the plan does not", expected.Offset);
            }
        }

        return null;
    }

    private static JsonDifference? CompareArrays(LocatedJson expected, LocatedJson actual, string path)
    {
        int common = Math.Min(expected.Items.Count, actual.Items.Count);
        for (int i = 0; i < common; i++)
        {
            JsonDifference? difference = Compare(expected.Items[i], actual.Items[i], $"{path}[{i}]");
            if (difference is not null)
            {
                return difference;
            }
        }

        if (expected.Items.Count == actual.Items.Count)
        {
            return null;
        }

        long offset = expected.Items.Count > common ? expected.Items[common].Offset : expected.Offset;
        return new JsonDifference(path,
            $"the plan has {Count(expected.Items.Count)}, the solved plan {Count(actual.Items.Count)}", offset);
    }

    private static JsonDifference Differs(LocatedJson expected, LocatedJson actual, string path) =>
        new(path, $"the plan has {Show(expected)}, the solved plan {Show(actual)}", expected.Offset);

    // The first occurrence wins where a name repeats (System.Text.Json keeps the last; a plan never repeats one).
    private static Dictionary<string, LocatedJson> ByName(LocatedJson value)
    {
        var byName = new Dictionary<string, LocatedJson>(StringComparer.Ordinal);
        foreach (LocatedProperty property in value.Properties)
        {
            byName.TryAdd(property.Name, property.Value);
        }

        return byName;
    }

    private static bool SameKind(JsonValueKind left, JsonValueKind right) =>
        left == right || (IsBoolean(left) && IsBoolean(right));

    private static bool IsBoolean(JsonValueKind kind) => kind is JsonValueKind.True or JsonValueKind.False;

    private static string Child(string path, string name) =>
        SimpleName().IsMatch(name) ? $"{path}.{name}" : $"{path}[{JsonSerializer.Serialize(name, Readable)}]";

    private static string Count(int n) => n == 1 ? "1 item" : $"{n} items";

    private static string Show(LocatedJson value) => value.Kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => $"an array of {Count(value.Items.Count)}",
        JsonValueKind.String => Truncate(JsonSerializer.Serialize(value.Text, Readable)),
        JsonValueKind.Number => Truncate(value.Text!),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => "null",
    };

    private static string Truncate(string text) => text.Length <= MaxShown ? text : string.Concat(text.AsSpan(0, MaxShown - 3), "...");

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex SimpleName();
}
