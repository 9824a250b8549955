using System.Text.Json;

namespace PartitionCompiler.Partitioning.Manifest.Json;

/// <summary>
/// Reads the properties of one JSON object by name. On creation it reports duplicate and unknown properties (with the
/// nearest valid name); each accessor reports a wrong type or a missing required property and returns null then.
/// </summary>
internal sealed class JsonObjectReader
{
    private readonly Dictionary<string, LocatedJsonProperty> _first = new(StringComparer.Ordinal);
    private readonly IJsonProblemReporter _reporter;

    public JsonObjectReader(LocatedJsonValue value, string path, IReadOnlyList<string> knownNames, IJsonProblemReporter reporter)
    {
        Value = value;
        Path = path;
        _reporter = reporter;
        foreach (var property in value.Properties)
        {
            string propertyPath = JsonPathText.Property(path, property.Name);
            if (!_first.TryAdd(property.Name, property))
            {
                reporter.DuplicateProperty(property, propertyPath);
            }
            else if (!knownNames.Contains(property.Name, StringComparer.Ordinal))
            {
                reporter.UnknownProperty(property, propertyPath, NameSuggestions.Advice(property.Name, knownNames));
            }
        }
    }

    public LocatedJsonValue Value { get; }

    public string Path { get; }

    /// <summary>The path of a property of this object.</summary>
    public string PathOf(string name) => JsonPathText.Property(Path, name);

    public bool Has(string name) => _first.ContainsKey(name);

    public LocatedJsonProperty? Find(string name) => _first.GetValueOrDefault(name);

    /// <summary>The property's value whatever its type; reports it missing when required.</summary>
    public LocatedJsonValue? Get(string name, bool required)
    {
        if (_first.TryGetValue(name, out var property))
        {
            return property.Value;
        }

        if (required)
        {
            _reporter.MissingProperty(Value, Path, name);
        }

        return null;
    }

    public string? GetString(string name, bool required) =>
        Expect(name, required, JsonValueKind.String, "a string")?.String;

    public LocatedJsonValue? GetObject(string name, bool required) =>
        Expect(name, required, JsonValueKind.Object, "an object");

    public LocatedJsonValue? GetArray(string name, bool required) =>
        Expect(name, required, JsonValueKind.Array, "an array");

    public bool? GetBoolean(string name, bool required)
    {
        var value = Get(name, required);
        if (value is null)
        {
            return null;
        }

        if (value.Kind is JsonValueKind.True or JsonValueKind.False)
        {
            return value.Kind == JsonValueKind.True;
        }

        _reporter.WrongType(value, PathOf(name), "a boolean (true or false)");
        return null;
    }

    /// <summary>A whole number of at least <paramref name="minimum"/>.</summary>
    public long? GetInteger(string name, bool required, long minimum)
    {
        var value = Get(name, required);
        return value is null ? null : ReadInteger(value, PathOf(name), minimum, _reporter);
    }

    /// <summary>Reads a whole number of at least <paramref name="minimum"/> from any value, reporting problems.</summary>
    public static long? ReadInteger(LocatedJsonValue value, string path, long minimum, IJsonProblemReporter reporter)
    {
        if (value.Kind != JsonValueKind.Number)
        {
            reporter.WrongType(value, path, "a whole number");
            return null;
        }

        if (value.Integer is not long integer || integer < minimum)
        {
            reporter.IntegerOutOfRange(value, path, minimum);
            return null;
        }

        return integer;
    }

    private LocatedJsonValue? Expect(string name, bool required, JsonValueKind kind, string expected)
    {
        var value = Get(name, required);
        if (value is null)
        {
            return null;
        }

        if (value.Kind != kind)
        {
            _reporter.WrongType(value, PathOf(name), expected);
            return null;
        }

        return value;
    }
}
