using System.Text.Json;
using PartitionCompiler.Partitioning.Manifest;

namespace PartitionCompiler.Partitioning.Tests.Manifest;

/// <summary>Keeps schemas/partition-manifest.schema.json and the parser in step.</summary>
public class ManifestSchemaTests
{
    private const string SchemaPath = "schemas/partition-manifest.schema.json";

    private static readonly JsonElement Schema = SchemaHarness.ReadSchemaDocument(SchemaPath);

    private static JsonElement Def(string name) => Schema.GetProperty("$defs").GetProperty(name);

    private static string[] PropertyNames(JsonElement schemaObject) =>
        schemaObject.GetProperty("properties").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray();

    private static string[] Sorted(IEnumerable<string> names) => names.Order(StringComparer.Ordinal).ToArray();

    [Fact]
    public void The_schema_declares_draft_2020_12_and_builds()
    {
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", Schema.GetProperty("$schema").GetString());
        Assert.NotNull(SchemaHarness.Manifest);
    }

    [Fact]
    public void The_schema_knows_exactly_the_property_names_the_parser_knows()
    {
        Assert.Equal(Sorted(ManifestPropertyNames.Root), PropertyNames(Schema));
        Assert.Equal(Sorted(ManifestPropertyNames.Device), PropertyNames(Def("device")));
        Assert.Equal(Sorted(ManifestPropertyNames.Link), PropertyNames(Def("link")));
        Assert.Equal(Sorted(ManifestPropertyNames.Channel), PropertyNames(Def("channel")));
        Assert.Equal(Sorted(ManifestPropertyNames.Fused), PropertyNames(Def("fused")));
        Assert.Equal(Sorted(ManifestPropertyNames.Objective), PropertyNames(Def("objectiveWeights")));
    }

    [Fact]
    public void The_schema_enums_are_the_parser_choices()
    {
        static string[] Enum(JsonElement e) => e.GetProperty("enum").EnumerateArray().Select(v => v.GetString()!).ToArray();

        var properties = Schema.GetProperty("properties");
        Assert.Equal(ManifestPropertyNames.Strategies, Enum(properties.GetProperty("strategy")));
        Assert.Equal(ManifestPropertyNames.Objectives, Enum(properties.GetProperty("objective").GetProperty("oneOf")[0]));
        Assert.Equal(ManifestPropertyNames.FusedSolvers, Enum(Def("fused").GetProperty("properties").GetProperty("solver")));
    }

    public static TheoryData<QuantityKind, string> KindDefs => new()
    {
        { QuantityKind.ComputeRate, "computeRate" },
        { QuantityKind.Bytes, "bytes" },
        { QuantityKind.DataRate, "dataRate" },
        { QuantityKind.Time, "time" },
        { QuantityKind.Frequency, "frequency" },
        { QuantityKind.Power, "power" },
    };

    [Theory]
    [MemberData(nameof(KindDefs))]
    public void Quantity_patterns_are_generated_from_the_unit_table(QuantityKind kind, string def)
    {
        string pattern = Def(def).GetProperty("anyOf")[1].GetProperty("pattern").GetString()!;
        Assert.Equal(QuantityUnits.SchemaPattern(kind), pattern);
    }

    [Theory]
    [MemberData(nameof(KindDefs))]
    public void Every_unit_of_a_kind_passes_the_schema_and_an_unknown_one_fails(QuantityKind kind, string def)
    {
        string property = def switch
        {
            "computeRate" => "compute",
            "bytes" => "memory",
            "power" => "power",
            _ => null!,
        };
        foreach (var unit in QuantityUnits.For(kind))
        {
            string text = Wrap(kind, property, $"\"1.5 {unit.Symbol}\"");
            Assert.True(QuantityParser.Parse($"1.5 {unit.Symbol}", kind).IsOk);
            var (valid, errors) = SchemaHarness.Validate(SchemaHarness.Manifest, text);
            Assert.True(valid, $"{unit.Symbol}: {errors}");
        }

        foreach (string bogus in new[] { "1.5 parsecs", "1.5", "fast", "-1 " + QuantityUnits.For(kind)[0].Symbol })
        {
            Assert.False(SchemaHarness.Validate(SchemaHarness.Manifest, Wrap(kind, property, $"\"{bogus}\"")).Valid, bogus);
        }
    }

    /// <summary>A manifest that puts <paramref name="value"/> where a quantity of <paramref name="kind"/> goes.</summary>
    private static string Wrap(QuantityKind kind, string? deviceProperty, string value) => kind switch
    {
        QuantityKind.ComputeRate => $$"""{ "devices": [ { "name": "a", "compute": {{value}} } ] }""",
        QuantityKind.Bytes or QuantityKind.Power => $$"""{ "devices": [ { "name": "a", "compute": 1, "{{deviceProperty}}": {{value}} } ] }""",
        QuantityKind.DataRate => $$"""{ "devices": [ { "name": "a", "compute": 1 }, { "name": "b", "compute": 1 } ], "links": [ { "from": "a", "to": "b", "bandwidth": {{value}} } ] }""",
        QuantityKind.Time => $$"""{ "devices": [ { "name": "a", "compute": 1 }, { "name": "b", "compute": 1 } ], "links": [ { "from": "a", "to": "b", "bandwidth": 1, "latency": {{value}} } ] }""",
        _ => $$"""{ "devices": [ { "name": "a", "compute": 1 }, { "name": "b", "compute": 1 } ], "links": [ { "from": "a", "to": "b", "channel": { "bandwidth": {{value}}, "txPower": 1, "gain": 1, "noise": 1 } } ] }""",
    };

    [Theory]
    [MemberData(nameof(ManifestSamples.AcceptedNames), MemberType = typeof(ManifestSamples))]
    public void Every_manifest_the_parser_accepts_is_valid_against_the_schema(string name)
    {
        string text = ManifestSamples.Accepted[name];
        ManifestAssert.Clean(text);
        var (valid, errors) = SchemaHarness.Validate(SchemaHarness.Manifest, text);
        Assert.True(valid, errors);
    }

    [Theory]
    [InlineData("""{ "devices": [ { "name": "a", "compute": 1, "colour": "red" } ] }""")]
    [InlineData("""{ "devices": [ ] }""")]
    [InlineData("""{ "devices": [ { "name": "a", "compute": 1 }, { "name": "b", "compute": 1 } ], "links": [ { "from": "a", "to": "b" } ] }""")]
    [InlineData("""{ "devices": [ { "name": "a", "compute": 1 }, { "name": "b", "compute": 1 } ], "links": [ { "from": "a", "to": "b", "bandwidth": 1, "channel": { "bandwidth": 1, "txPower": 1, "gain": 1, "noise": 1 } } ] }""")]
    [InlineData("""{ "strategy": "KSP", "devices": [ { "name": "a", "compute": 1 } ] }""")]
    [InlineData("""{ "alternatives": 0, "devices": [ { "name": "a", "compute": 1 } ] }""")]
    [InlineData("""{ "devices": [ { "name": "my phone", "compute": 1 } ] }""")]
    [InlineData("""{ "inputs": { "x": [1, 0] }, "devices": [ { "name": "a", "compute": 1 } ] }""")]
    [InlineData("""{ "devices": [ { "name": "a", "compute": "20 Mb/s" } ] }""")]
    public void Manifests_the_parser_rejects_or_warns_about_fail_the_schema_too(string text)
    {
        Assert.NotEmpty(ManifestAssert.Parse(text).Diagnostics.Items);
        Assert.False(SchemaHarness.Validate(SchemaHarness.Manifest, text).Valid);
    }

    [Fact]
    public void Every_property_in_the_schema_has_a_description()
    {
        var missing = new List<string>();
        Walk(Schema, "#", missing);
        Assert.Empty(missing);
    }

    /// <summary>Collects the paths of property schemas (and additionalProperties schemas) without a description.</summary>
    internal static void Walk(JsonElement node, string path, List<string> missing)
    {
        if (node.ValueKind == JsonValueKind.Object)
        {
            foreach (var member in node.EnumerateObject())
            {
                if (member.Name == "properties")
                {
                    foreach (var property in member.Value.EnumerateObject())
                    {
                        if (!property.Value.TryGetProperty("description", out _))
                        {
                            missing.Add($"{path}/properties/{property.Name}");
                        }
                    }
                }
                else if (member.Name == "additionalProperties" && member.Value.ValueKind == JsonValueKind.Object
                    && !member.Value.TryGetProperty("description", out _) && !member.Value.TryGetProperty("$ref", out _))
                {
                    missing.Add($"{path}/additionalProperties");
                }

                Walk(member.Value, $"{path}/{member.Name}", missing);
            }
        }
        else if (node.ValueKind == JsonValueKind.Array)
        {
            int i = 0;
            foreach (var item in node.EnumerateArray())
            {
                Walk(item, $"{path}/{i++}", missing);
            }
        }
    }
}
