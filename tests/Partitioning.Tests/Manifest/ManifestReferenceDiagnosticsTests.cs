using PartitionCompiler.Partitioning.Diagnostics;

namespace PartitionCompiler.Partitioning.Tests.Manifest;

/// <summary>Tests of the PC00xx codes about devices, links, quantities, routes and files, asserting each code and the offending token's position.</summary>
public class ManifestReferenceDiagnosticsTests
{
    private const string Devices = """
        "devices": [ { "name": "a", "compute": "1 GFLOP/s" }, { "name": "b", "compute": "2 GFLOP/s" } ]
        """;

    [Fact]
    public void PC0003_link_to_an_unknown_device_names_it_and_the_declared_ones()
    {
        string text = $$"""
            {
              {{Devices}},
              "links": [ { "from": "a", "to": "npu", "bandwidth": "1 MB/s" } ]
            }
            """;
        var diagnostic = ManifestAssert.Reports(text, "PC0003", "\"npu\"");
        Assert.Equal("$.links[0].to: link 'a->npu' names device 'npu', which the manifest does not declare; declare it under 'devices' or use one of: 'a', 'b'", diagnostic.Message);
    }

    [Theory]
    [InlineData("b")]
    [InlineData("A")]
    public void PC0004_duplicate_device_names_ignore_case(string second)
    {
        string text = $$"""
            { "devices": [ { "name": "a", "compute": 1 }, { "name": "{{second}}", "compute": 1 }, { "name": "{{second}}", "compute": 1 } ] }
            """;
        string token = second == "A" ? "\"A\"" : "\"b\"";
        int occurrence = second == "A" ? 1 : 2;
        var diagnostic = ManifestAssert.Reports(text, "PC0004", token, occurrence);
        Assert.Contains(second == "A" ? "already used by $.devices[0]" : "already used by $.devices[1]", diagnostic.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"compute\": 0", "0")]
    [InlineData("\"compute\": \"-2 GFLOP/s\"", "\"-2 GFLOP/s\"")]
    [InlineData("\"compute\": 1, \"memory\": \"0 MiB\"", "\"0 MiB\"")]
    [InlineData("\"compute\": 1, \"power\": \"-1 W\"", "\"-1 W\"")]
    public void PC0005_zero_or_negative_device_quantities(string properties, string token)
    {
        string text = $$"""{ "devices": [ { "name": "a", {{properties}} } ] }""";
        var diagnostic = ManifestAssert.Reports(text, "PC0005", token);
        Assert.StartsWith("$.devices[0].", diagnostic.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"bandwidth\": 0", "0")]
    [InlineData("\"bandwidth\": \"-5 Mbit/s\"", "\"-5 Mbit/s\"")]
    [InlineData("\"bandwidth\": \"1 MB/s\", \"latency\": \"-1 ms\"", "\"-1 ms\"")]
    [InlineData("\"channel\": { \"bandwidth\": \"0 MHz\", \"txPower\": 1, \"gain\": 1, \"noise\": 1 }", "\"0 MHz\"")]
    [InlineData("\"channel\": { \"bandwidth\": \"1 MHz\", \"txPower\": 1, \"gain\": -1, \"noise\": 1 }", "-1")]
    [InlineData("\"channel\": { \"bandwidth\": \"1 MHz\", \"txPower\": 1, \"gain\": 1, \"noise\": 0 }", "0 }")]
    public void PC0005_zero_or_negative_link_quantities(string properties, string token)
    {
        string text = $$"""
            {
              {{Devices}},
              "links": [ { "from": "a", "to": "b", {{properties}} } ]
            }
            """;
        ManifestAssert.Reports(text, "PC0005", token);
    }

    [Fact]
    public void PC0005_a_channel_whose_rate_rounds_to_zero()
    {
        string text = $$"""
            {
              {{Devices}},
              "links": [ { "from": "a", "to": "b", "channel": { "bandwidth": "1 MHz", "txPower": 1e-300, "gain": 1e-300, "noise": 1 } } ]
            }
            """;
        ManifestAssert.Reports(text, "PC0005", "{ \"bandwidth\"");
    }

    [Fact]
    public void PC0006_unknown_unit_lists_the_valid_units_of_that_property()
    {
        string text = """{ "devices": [ { "name": "a", "compute": "40 GHz" } ] }""";
        var diagnostic = ManifestAssert.Reports(text, "PC0006", "\"40 GHz\"");
        Assert.Contains("'GHz' is not a unit of a compute rate ('GHz' measures a frequency, not a compute rate)", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("valid units: FLOP/s, kFLOP/s", diagnostic.Message, StringComparison.Ordinal);
        Assert.EndsWith("a plain number is read in FLOP/s", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PC0006_ambiguous_bit_rate_is_refused()
    {
        string text = $$"""
            {
              {{Devices}},
              "links": [ { "from": "a", "to": "b", "bandwidth": "20 Mb/s" } ]
            }
            """;
        var diagnostic = ManifestAssert.Reports(text, "PC0006", "\"20 Mb/s\"");
        Assert.Contains("write 'Mbit/s' for bits or 'MB/s' for bytes", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PC0008_no_path_from_source_to_sink()
    {
        string text = $$"""
            {
              {{Devices}},
              "links": [ { "from": "b", "to": "a", "bandwidth": "1 MB/s" } ],
              "sink": "b"
            }
            """;
        var diagnostic = ManifestAssert.Reports(text, "PC0008", "\"b\"\n", 1);
        Assert.Equal("$.sink: no path from 'a' to 'b' over the manifest's links; add a link (or a chain of links) from 'a' to 'b'", diagnostic.Message);
    }

    [Fact]
    public void PC0008_no_path_from_fused_end_device_to_server()
    {
        string text = $$"""
            {
              {{Devices}},
              "links": [ { "from": "b", "to": "a", "bandwidth": "1 MB/s" } ],
              "source": "b",
              "fused": { "endDevice": "a", "server": "b" }
            }
            """;
        ManifestAssert.Reports(text, "PC0008", "{ \"endDevice\"");
    }

    [Fact]
    public void PC0008_is_not_reported_when_the_route_has_several_hops()
    {
        string text = """
            {
              "devices": [ { "name": "a", "compute": 1 }, { "name": "b", "compute": 1 }, { "name": "c", "compute": 1 } ],
              "links": [ { "from": "a", "to": "b", "bandwidth": 1 }, { "from": "b", "to": "c", "bandwidth": 1 } ],
              "sink": "c"
            }
            """;
        ManifestAssert.Clean(text);
    }

    [Fact]
    public void PC0009_missing_model_file_via_the_injected_file_check()
    {
        string text = """{ "model": "models/net.onnx", "devices": [ { "name": "a", "compute": 1 } ] }""";
        var asked = new List<string>();
        var diagnostic = ManifestAssert.Reports(text, "PC0009", "\"models/net.onnx\"", fileExists: path =>
        {
            asked.Add(path);
            return false;
        });
        Assert.Equal(new[] { "app/models/net.onnx" }, asked);
        Assert.Contains("model file 'models/net.onnx' not found (looked for 'app/models/net.onnx')", diagnostic.Message, StringComparison.Ordinal);

        var (manifest, diagnostics) = ManifestAssert.Parse(text, _ => true);
        Assert.NotNull(manifest);
        Assert.Empty(diagnostics.Items);
    }

    [Theory]
    [InlineData("\"source\": \"x\"")]
    [InlineData("\"sink\": \"x\"")]
    [InlineData("\"fused\": { \"endDevice\": \"x\", \"server\": \"b\" }")]
    [InlineData("\"fused\": { \"endDevice\": \"a\", \"server\": \"x\" }")]
    public void PC0012_source_sink_and_fused_devices_must_be_declared(string property)
    {
        string text = $$"""
            {
              {{Devices}},
              "links": [ { "from": "a", "to": "b", "bandwidth": 1 } ],
              {{property}}
            }
            """;
        var diagnostic = ManifestAssert.Reports(text, "PC0012", "\"x\"");
        Assert.EndsWith("'x' is not a declared device; use one of: 'a', 'b'", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PC0016_missing_profile_file_via_the_injected_file_check()
    {
        string text = """{ "devices": [ { "name": "a", "compute": 1, "profile": "p/a.profile.json" } ] }""";
        var diagnostic = ManifestAssert.Reports(text, "PC0016", "\"p/a.profile.json\"", fileExists: path => path != "app/p/a.profile.json");
        Assert.StartsWith("$.devices[0].profile: profile file 'p/a.profile.json' not found", diagnostic.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"bandwidth\": 1, \"channel\": { \"bandwidth\": 1, \"txPower\": 1, \"gain\": 1, \"noise\": 1 }", "has both")]
    [InlineData("\"latency\": \"1 ms\"", "has neither")]
    public void PC0017_a_link_needs_exactly_one_of_bandwidth_and_channel(string properties, string problem)
    {
        string text = $$"""
            {
              {{Devices}},
              "links": [ { "from": "a", "to": "b", {{properties}} } ]
            }
            """;
        var diagnostic = ManifestAssert.Reports(text, "PC0017", "{ \"from\"");
        Assert.Contains($"link 'a->b' {problem}", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PC0018_link_to_itself()
    {
        string text = $$"""
            {
              {{Devices}},
              "links": [ { "from": "a", "to": "a", "bandwidth": 1 } ]
            }
            """;
        ManifestAssert.Reports(text, "PC0018", "{ \"from\"");
    }

    [Fact]
    public void PC0019_duplicate_link_including_a_bidirectional_reverse()
    {
        string text = $$"""
            {
              {{Devices}},
              "links": [
                { "from": "a", "to": "b", "bandwidth": 1, "bidirectional": true },
                { "from": "b", "to": "a", "bandwidth": 2 }
              ]
            }
            """;
        var diagnostic = ManifestAssert.Reports(text, "PC0019", "{ \"from\"", 2);
        Assert.Equal("$.links[1]: link 'b->a' is declared twice (first at $.links[0]); keep one (a bidirectional link already declares its reverse)", diagnostic.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("my phone")]
    [InlineData("../up")]
    [InlineData("-x")]
    [InlineData("con")]
    [InlineData("a>b")]
    [InlineData("phone\u00e9")]
    public void PC0020_invalid_device_names(string name)
    {
        string text = $$"""{ "devices": [ { "name": "{{name}}", "compute": 1 } ] }""";
        ManifestAssert.Reports(text, "PC0020", $"\"{name}\"");
    }

    [Theory]
    [InlineData("phone")]
    [InlineData("edge_server-2")]
    [InlineData("9xx")]
    [InlineData("console")]
    public void Valid_device_names_pass(string name)
    {
        ManifestAssert.Clean($$"""{ "devices": [ { "name": "{{name}}", "compute": 1 } ] }""");
    }

    [Fact]
    public void PC0021_no_devices()
    {
        ManifestAssert.Reports("""{ "devices": [ ] }""", "PC0021", "[");
    }

    [Fact]
    public void PC0022_device_unreachable_from_the_source_is_a_warning()
    {
        string text = """
            {
              "devices": [ { "name": "a", "compute": 1 }, { "name": "b", "compute": 1 }, { "name": "c", "compute": 1 } ],
              "links": [ { "from": "a", "to": "b", "bandwidth": 1 }, { "from": "c", "to": "a", "bandwidth": 1 } ]
            }
            """;
        var diagnostic = ManifestAssert.Reports(text, "PC0022", "{ \"name\": \"c\"");
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.StartsWith("$.devices[2]: device 'c' cannot be reached from the source 'a'", diagnostic.Message, StringComparison.Ordinal);
        Assert.NotNull(ManifestAssert.Parse(text).Manifest);
    }

    [Fact]
    public void PC0023_fused_strategy_without_a_fused_section()
    {
        string text = $$"""
            {
              "strategy": "fused",
              {{Devices}}
            }
            """;
        ManifestAssert.Reports(text, "PC0023", "\"fused\"");
    }

    [Fact]
    public void PC0024_fused_end_device_and_server_must_differ()
    {
        string text = $$"""
            {
              {{Devices}},
              "fused": { "endDevice": "a", "server": "a" }
            }
            """;
        ManifestAssert.Reports(text, "PC0024", "{ \"endDevice\"");
    }
}
