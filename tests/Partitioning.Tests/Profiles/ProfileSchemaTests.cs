using System.Text.Json;
using PartitionCompiler.Partitioning.Diagnostics;
using PartitionCompiler.Partitioning.Profiles;
using PartitionCompiler.Partitioning.Tests.Manifest;

namespace PartitionCompiler.Partitioning.Tests.Profiles;

/// <summary>Keeps schemas/partition-profile.schema.json and the profile parser in step.</summary>
public class ProfileSchemaTests
{
    private static readonly JsonElement Schema = SchemaHarness.ReadSchemaDocument("schemas/partition-profile.schema.json");

    private static string[] Names(JsonElement schemaObject) =>
        schemaObject.GetProperty("properties").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray();

    private static string[] Sorted(IEnumerable<string> names) => names.Order(StringComparer.Ordinal).ToArray();

    [Fact]
    public void The_schema_knows_exactly_the_property_names_the_parser_knows()
    {
        var defs = Schema.GetProperty("$defs");
        Assert.Equal(Sorted(ProfilePropertyNames.Root), Names(Schema));
        Assert.Equal(Sorted(ProfilePropertyNames.Model), Names(Schema.GetProperty("properties").GetProperty("model")));
        Assert.Equal(Sorted(ProfilePropertyNames.Node), Names(defs.GetProperty("timing")));
        Assert.Equal(Sorted(ProfilePropertyNames.Segment), Names(defs.GetProperty("segment")));
    }

    [Fact]
    public void The_schema_units_are_the_parser_units()
    {
        var units = Schema.GetProperty("properties").GetProperty("unit").GetProperty("enum").EnumerateArray().Select(u => u.GetString()!);
        Assert.Equal(ProfilePropertyNames.Units.Select(u => u.Unit), units);
    }

    [Fact]
    public void Every_property_in_the_schema_has_a_description()
    {
        var missing = new List<string>();
        ManifestSchemaTests.Walk(Schema, "#", missing);
        Assert.Empty(missing);
    }

    [Fact]
    public void A_profile_the_parser_accepts_is_valid_against_the_schema()
    {
        var diagnostics = new DiagnosticBag();
        Assert.NotNull(ProfileParser.Parse(ProfileSamples.Design, ProfileSamples.Path, diagnostics));
        Assert.Empty(diagnostics.Items);
        var (valid, errors) = SchemaHarness.Validate(SchemaHarness.Profile, ProfileSamples.Design);
        Assert.True(valid, errors);
    }

    [Theory]
    [InlineData("\"formatVersion\": 2, \"unit\": \"ms\"")]
    [InlineData("\"formatVersion\": 1, \"unit\": \"min\"")]
    [InlineData("\"formatVersion\": 1, \"unit\": \"ms\", \"nodes\": { \"n\": { \"median\": -1 } }")]
    [InlineData("\"formatVersion\": 1, \"unit\": \"ms\", \"extra\": 1")]
    public void Profiles_the_parser_rejects_or_warns_about_fail_the_schema_too(string properties)
    {
        string text = $$"""{ "device": "d", "model": { "sha256": "{{ProfileSamples.Sha}}" }, {{properties}} }""";
        var diagnostics = new DiagnosticBag();
        _ = ProfileParser.Parse(text, ProfileSamples.Path, diagnostics);
        Assert.NotEmpty(diagnostics.Items);
        Assert.False(SchemaHarness.Validate(SchemaHarness.Profile, text).Valid);
    }
}
