using PartitionCompiler.Partitioning.Diagnostics;
using PartitionCompiler.Partitioning.Profiles;
using PartitionCompiler.Partitioning.Tests.Manifest;

namespace PartitionCompiler.Partitioning.Tests.Profiles;

public class ProfileParserTests
{
    private static (DeviceProfile? Profile, DiagnosticBag Diagnostics) Parse(string text)
    {
        var diagnostics = new DiagnosticBag();
        return (ProfileParser.Parse(text, ProfileSamples.Path, diagnostics), diagnostics);
    }

    private static Diagnostic Reports(string text, string code, string token, int occurrence = 1)
    {
        var (profile, diagnostics) = Parse(text);
        var (line, column) = ManifestSamples.Find(text, token, occurrence);
        var diagnostic = diagnostics.Items.FirstOrDefault(d => d.Code == code && d.Location?.Line == line && d.Location?.Column == column);
        Assert.True(diagnostic is not null, $"expected {code} at ({line},{column}); got:\n{string.Join("\n", diagnostics.Items)}");
        Assert.Equal(ProfileSamples.Path, diagnostic.Location!.Path);
        if (diagnostic.IsError)
        {
            Assert.Null(profile);
        }

        return diagnostic;
    }

    [Fact]
    public void The_design_example_parses_into_seconds()
    {
        var (profile, diagnostics) = Parse(ProfileSamples.Design);
        Assert.Empty(diagnostics.Items);
        Assert.NotNull(profile);
        Assert.Equal("phone", profile.Device);
        Assert.Equal(ProfileSamples.Sha, profile.ModelSha256);
        var conv1 = Assert.Single(profile.Nodes);
        Assert.Equal("conv1", conv1.Key);
        Assert.Equal(0.00123, conv1.Value.Median, 15);
        Assert.Equal(0.0011, conv1.Value.P10!.Value, 15);
        Assert.Equal(0.0014, conv1.Value.P90!.Value, 15);
        Assert.Equal(0.00123, profile.MedianSeconds("conv1")!.Value, 15);
        Assert.Null(profile.MedianSeconds("conv2"));
        var segment = Assert.Single(profile.Segments);
        Assert.Equal(("conv1", "pool2"), (segment.First, segment.Last));
        Assert.Equal(0.0056, segment.Median, 15);
        Assert.Equal(ManifestSamples.Find(ProfileSamples.Design, "\"conv1\""), (conv1.Value.Location!.Line!.Value, conv1.Value.Location.Column!.Value));
    }

    [Theory]
    [InlineData("s", 1.0)]
    [InlineData("ms", 1e-3)]
    [InlineData("us", 1e-6)]
    [InlineData("\u00b5s", 1e-6)]
    [InlineData("ns", 1e-9)]
    public void Every_unit_converts_to_seconds(string unit, double secondsPerUnit)
    {
        string text = $$"""{ "formatVersion": 1, "device": "d", "model": { "sha256": "{{ProfileSamples.Sha}}" }, "unit": "{{unit}}", "nodes": { "n": { "median": 4 } } }""";
        var (profile, diagnostics) = Parse(text);
        Assert.Empty(diagnostics.Items);
        Assert.Equal(4 * secondsPerUnit, profile!.Nodes["n"].Median, 4 * secondsPerUnit * 1e-15);
        Assert.Null(profile.Nodes["n"].P10);
    }

    [Fact]
    public void Uppercase_hashes_are_normalised_and_nodes_are_ordered_by_key()
    {
        string text = $$"""{ "formatVersion": 1, "device": "d", "model": { "sha256": "{{ProfileSamples.Sha.ToUpperInvariant()}}" }, "unit": "s", "nodes": { "b": { "median": 1 }, "a": { "median": 2 }, "@x": { "median": 3 } } }""";
        var (profile, _) = Parse(text);
        Assert.Equal(ProfileSamples.Sha, profile!.ModelSha256);
        Assert.Equal(new[] { "@x", "a", "b" }, profile.Nodes.Keys);
    }

    [Fact]
    public void PC0201_malformed_json_has_its_line_and_column()
    {
        string text = "{ \"formatVersion\": 1,\n  \"device\": \"d\",,\n}";
        var diagnostic = Reports(text, "PC0201", ",\n}");
        Assert.StartsWith("the profile is not valid JSON: ", diagnostic.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"unit\": \"min\"", "\"min\"", "'min' is not a time unit")]
    [InlineData("\"unit\": \"ms\", \"nodes\": { \"n\": { \"median\": -1 } }", "-1", "a time must be zero or more")]
    [InlineData("\"unit\": \"ms\", \"nodes\": { \"n\": { \"median\": \"1 ms\" } }", "\"1 ms\"", "expected a number")]
    [InlineData("\"unit\": \"ms\", \"nodes\": { \"n\": { \"p10\": 1 } }", "{ \"p10\"", "required property 'median'")]
    [InlineData("\"unit\": \"ms\", \"nodes\": { \"n\": { \"median\": 1, \"p10\": 2 } }", "{ \"median\"", "p10 <= median <= p90")]
    [InlineData("\"unit\": \"ms\", \"nodes\": { \"n\": [1] }", "[1]", "expected an object")]
    [InlineData("\"unit\": \"ms\", \"segments\": [ { \"first\": \"a\", \"median\": 1 } ]", "{ \"first\"", "required property 'last'")]
    [InlineData("\"unit\": \"ms\", \"nodes\": { \"n\": { \"median\": 1 }, \"n\": { \"median\": 2 } }", "\"n\"", "appears more than once")]
    public void PC0202_invalid_content(string tail, string token, string problem)
    {
        string text = $$"""{ "formatVersion": 1, "device": "d", "model": { "sha256": "{{ProfileSamples.Sha}}" }, {{tail}} }""";
        int occurrence = problem == "appears more than once" ? 2 : 1;
        var diagnostic = Reports(text, "PC0202", token, occurrence);
        Assert.Contains(problem, diagnostic.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"sha256\": \"abc\"", "\"abc\"")]
    [InlineData("\"hash\": \"abc\"", "{ \"hash\"")]
    public void PC0202_model_hash_must_be_a_sha256(string model, string token)
    {
        string text = $$"""{ "formatVersion": 1, "device": "d", "model": { {{model}} }, "unit": "s" }""";
        Reports(text, "PC0202", token);
    }

    [Fact]
    public void PC0202_missing_unit_is_an_error_not_a_guess()
    {
        string text = $$"""{ "formatVersion": 1, "device": "d", "model": { "sha256": "{{ProfileSamples.Sha}}" } }""";
        var diagnostic = Reports(text, "PC0202", "{");
        Assert.Contains("required property 'unit'", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PC0203_unsupported_format_version()
    {
        string text = $$"""{ "formatVersion": 2, "device": "d", "model": { "sha256": "{{ProfileSamples.Sha}}" }, "unit": "s" }""";
        var diagnostic = Reports(text, "PC0203", "2");
        Assert.Contains("formatVersion 2 is not supported (this version reads 1)", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PC0207_unknown_property_is_a_warning_with_a_suggestion()
    {
        string text = $$"""{ "formatVersion": 1, "device": "d", "model": { "sha256": "{{ProfileSamples.Sha}}" }, "unit": "s", "nodes": { "n": { "median": 1, "p95": 2 } } }""";
        var diagnostic = Reports(text, "PC0207", "\"p95\"");
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Contains("did you mean", diagnostic.Message, StringComparison.Ordinal);
        Assert.NotNull(Parse(text).Profile);
    }
}
