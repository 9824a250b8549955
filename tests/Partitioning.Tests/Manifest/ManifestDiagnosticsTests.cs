using PartitionCompiler.Partitioning.Diagnostics;

namespace PartitionCompiler.Partitioning.Tests.Manifest;

/// <summary>Tests of the PC00xx codes about the manifest's JSON structure, asserting each code and the offending token's position.</summary>
public class ManifestDiagnosticsTests
{
    private const string Devices = """
        "devices": [ { "name": "a", "compute": "1 GFLOP/s" }, { "name": "b", "compute": "2 GFLOP/s" } ]
        """;

    [Fact]
    public void PC0001_invalid_json_points_at_the_syntax_error()
    {
        string text = "{\n  \"devices\": [\n    { \"name\": \"a\" \"compute\": 1 }\n  ]\n}";
        var diagnostic = ManifestAssert.Reports(text, "PC0001", "\"compute\"");
        Assert.StartsWith("the manifest is not valid JSON: ", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PC0002_missing_required_property_points_at_its_object()
    {
        string text = """
            { "devices": [ { "name": "a" } ] }
            """;
        var diagnostic = ManifestAssert.Reports(text, "PC0002", "{ \"name\"");
        Assert.Contains("$.devices[0]: required property 'compute'", diagnostic.Message, StringComparison.Ordinal);

        ManifestAssert.Reports("""{ "model": "m.onnx" }""", "PC0002", "{");
    }

    [Theory]
    [InlineData("\"alternatives\": \"5\"", "\"5\"", "expected a whole number, found a string")]
    [InlineData("\"strategy\": 1", "1", "expected a string, found a number")]
    [InlineData("\"devices\": {}", "{}", "expected an array, found an object")]
    [InlineData("\"inputs\": { \"x\": 3 }", "3", "expected an array of whole numbers")]
    [InlineData("\"model\": \"\"", "\"\"", "expected a non-empty string, found an empty string")]
    [InlineData("\"objective\": 2", "2", "expected \"latency\", \"energy\" or an object")]
    public void PC0007_wrong_json_type(string property, string token, string expected)
    {
        string text = $$"""{ {{property}}, "links": [] {{(property.StartsWith("\"devices\"", StringComparison.Ordinal) ? "" : ", \"devices\": [ { \"name\": \"a\", \"compute\": 1 } ]")}} }""";
        var diagnostic = ManifestAssert.Reports(text, "PC0007", token);
        Assert.Contains(expected, diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PC0007_the_root_must_be_an_object()
    {
        ManifestAssert.Reports("  [1, 2]", "PC0007", "[");
    }

    [Fact]
    public void PC0007_a_device_entry_must_be_an_object_and_a_quantity_a_number_or_string()
    {
        ManifestAssert.Reports("""{ "devices": [ "a" ] }""", "PC0007", "\"a\"");
        var diagnostic = ManifestAssert.Reports("""{ "devices": [ { "name": "a", "compute": true } ] }""", "PC0007", "true");
        Assert.Contains("a compute rate (a number in FLOP/s, or a string such as '40 GFLOP/s')", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PC0010_unknown_property_is_a_warning_with_the_nearest_name()
    {
        string text = $$"""
            {
              {{Devices}},
              "links": [ { "from": "a", "to": "b", "bandwith": "1 MB/s", "bandwidth": "1 MB/s" } ]
            }
            """;
        var diagnostic = ManifestAssert.Reports(text, "PC0010", "\"bandwith\"");
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal("$.links[0].bandwith: unknown property 'bandwith' is ignored; did you mean 'bandwidth'?", diagnostic.Message);
        Assert.NotNull(ManifestAssert.Parse(text).Manifest);
    }

    [Fact]
    public void PC0010_unknown_property_far_from_any_name_lists_the_valid_ones()
    {
        var diagnostic = ManifestAssert.Reports("""{ "colour": "red", "devices": [ { "name": "a", "compute": 1 } ] }""", "PC0010", "\"colour\"");
        Assert.Contains("valid names here: $schema, model, inputs", diagnostic.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"alternatives\": 0", "0")]
    [InlineData("\"alternatives\": -3", "-3")]
    [InlineData("\"alternatives\": 2.5", "2.5")]
    [InlineData("\"inputs\": { \"x\": [1, 0] }", "0]")]
    [InlineData("\"fused\": { \"endDevice\": \"a\", \"server\": \"b\", \"maxPaths\": 0 }", "0 }")]
    public void PC0011_whole_numbers_below_their_minimum(string property, string token)
    {
        string text = $$"""
            {
              {{Devices}},
              "links": [ { "from": "a", "to": "b", "bandwidth": 1 } ],
              {{property}}
            }
            """;
        ManifestAssert.Reports(text, "PC0011", token);
    }

    [Theory]
    [InlineData("\"strategy\": \"KSP\"", "\"KSP\"", "auto, ksp, fused")]
    [InlineData("\"objective\": \"speed\"", "\"speed\"", "latency, energy")]
    [InlineData("\"fused\": { \"endDevice\": \"a\", \"server\": \"b\", \"solver\": \"greedy\" }", "\"greedy\"", "mw, bf, best")]
    public void PC0013_invalid_choices_list_the_valid_ones(string property, string token, string valid)
    {
        string text = $$"""
            {
              {{Devices}},
              "links": [ { "from": "a", "to": "b", "bandwidth": 1 } ],
              {{property}}
            }
            """;
        var diagnostic = ManifestAssert.Reports(text, "PC0013", token);
        Assert.EndsWith("use one of: " + valid, diagnostic.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"fast\"")]
    [InlineData("\"40\"")]
    [InlineData("\"\"")]
    public void PC0014_malformed_quantity(string compute)
    {
        string text = $$"""{ "devices": [ { "name": "a", "compute": {{compute}} } ] }""";
        var diagnostic = ManifestAssert.Reports(text, "PC0014", compute);
        Assert.Contains("is not a compute rate; write a number and a unit, e.g. '40 GFLOP/s', or a plain number in FLOP/s", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PC0015_duplicate_property()
    {
        string text = """{ "devices": [ { "name": "a", "compute": 1, "compute": 2 } ] }""";
        ManifestAssert.Reports(text, "PC0015", "\"compute\"", 2);
        ManifestAssert.Reports("""{ "inputs": { "x": [1], "x": [2] }, "devices": [ { "name": "a", "compute": 1 } ] }""", "PC0015", "\"x\"", 2);
    }

    [Theory]
    [InlineData("{ \"latency\": 0, \"energy\": 0 }")]
    [InlineData("{ \"latency\": -1, \"energy\": 2 }")]
    [InlineData("{ }")]
    public void PC0025_objective_weights(string weights)
    {
        string text = $$"""{ "objective": {{weights}}, "devices": [ { "name": "a", "compute": 1 } ] }""";
        ManifestAssert.Reports(text, "PC0025", weights);
    }

    [Fact]
    public void Several_mistakes_are_all_reported_in_one_pass()
    {
        string text = """
            {
              "alternatives": 0,
              "devices": [ { "name": "a", "compute": "1 GHz" }, { "name": "a", "compute": 1 } ],
              "links": [ { "from": "a", "to": "zz", "bandwidth": "1 Mb/s" } ]
            }
            """;
        var (manifest, diagnostics) = ManifestAssert.Parse(text);
        Assert.Null(manifest);
        Assert.Equal(new[] { "PC0011", "PC0006", "PC0004", "PC0003", "PC0006" }, diagnostics.Items.Select(d => d.Code));
    }

    [Fact]
    public void Canonical_lines_carry_file_line_and_column()
    {
        var (_, diagnostics) = ManifestAssert.Parse("{\n  \"devices\": [ { \"name\": \"a\", \"compute\": 0 } ]\n}");
        Assert.Equal(
            "app/detector.devices.json(2,42): error PC0005: $.devices[0].compute: a compute rate must be greater than zero, but is 0",
            Assert.Single(diagnostics.Items).ToCanonicalString());
    }
}
