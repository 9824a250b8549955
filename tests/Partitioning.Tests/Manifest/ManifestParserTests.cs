using PartitionCompiler.Partitioning.Manifest;

namespace PartitionCompiler.Partitioning.Tests.Manifest;

public class ManifestParserTests
{
    [Fact]
    public void The_design_example_parses_without_diagnostics()
    {
        var manifest = ManifestAssert.Clean(ManifestSamples.Design);

        Assert.Equal("models/detector.onnx", manifest.ModelPath);
        Assert.Equal(ManifestSamples.Find(ManifestSamples.Design, "\"models/detector.onnx\""), (manifest.ModelPathLocation!.Line!.Value, manifest.ModelPathLocation.Column!.Value));
        var pin = Assert.Single(manifest.Inputs);
        Assert.Equal("images", pin.Name);
        Assert.Equal(new long[] { 1, 3, 416, 416 }, pin.Dims);
        Assert.Equal(PartitionStrategy.Auto, manifest.Strategy);
        Assert.Equal(ObjectiveSpec.Latency, manifest.Objective);
        Assert.Equal(5, manifest.Alternatives);
        Assert.Equal(new[] { "glasses", "phone", "cloud" }, manifest.Devices.Select(d => d.Name));
        Assert.Equal("glasses", manifest.Source);
        Assert.Equal("cloud", manifest.Sink);
        Assert.Equal(new FusedOptions("glasses", "cloud", 64, "mw"), manifest.Fused! with { Location = null });
    }

    [Fact]
    public void Device_quantities_are_in_base_units()
    {
        var manifest = ManifestAssert.Clean(ManifestSamples.Design);
        var glasses = manifest.Devices[0];
        Assert.Equal(2.23e8, glasses.ComputeFlopsPerSecond);
        Assert.Equal(256L * 1024 * 1024, glasses.MemoryBytes);
        Assert.Equal(1.5, glasses.PowerWatts);
        Assert.Null(glasses.ProfilePath);

        var phone = manifest.Devices[1];
        Assert.Equal(40e9, phone.ComputeFlopsPerSecond);
        Assert.Equal(4L * 1024 * 1024 * 1024, phone.MemoryBytes);
        Assert.Equal("profiles/phone.profile.json", phone.ProfilePath);
        Assert.Equal(ManifestSamples.Find(ManifestSamples.Design, "\"profiles/phone.profile.json\""), (phone.ProfileLocation!.Line!.Value, phone.ProfileLocation.Column!.Value));

        var cloud = manifest.Devices[2];
        Assert.Null(cloud.MemoryBytes);
        Assert.Null(cloud.PowerWatts);
        Assert.Equal(ManifestSamples.Find(ManifestSamples.Design, "{ \"name\": \"cloud\""), (cloud.Location.Line!.Value, cloud.Location.Column!.Value));
    }

    [Fact]
    public void A_rate_link_converts_bits_to_bytes_and_keeps_latency_and_power()
    {
        var link = ManifestAssert.Clean(ManifestSamples.Design).Links[0];
        Assert.Equal("glasses->phone", link.Name);
        Assert.Equal(20e6 / 8, link.BytesPerSecond);
        Assert.Equal(0.003, link.LatencySeconds);
        Assert.Equal(0.3, link.PowerWatts);
        Assert.Null(link.Channel);
        Assert.Equal(0.003 + 2500000.0 / 2.5e6, link.TransferSeconds(2500000), 12);
    }

    [Fact]
    public void A_channel_link_gets_the_shannon_rate_and_the_transmit_power()
    {
        var link = ManifestAssert.Clean(ManifestSamples.Design).Links[1];
        Assert.Equal("phone->cloud", link.Name);
        Assert.Equal(new ChannelSpec(5e6, 0.1, 1e-6, 1e-9), link.Channel);

        // R = B log2(1 + QG/N0) = 5e6 * log2(1 + 100) bit/s, about 33.29 Mbit/s = 4.161 MB/s.
        double expectedBits = 5e6 * Math.Log(101) / Math.Log(2);
        Assert.Equal(expectedBits / 8, link.BytesPerSecond, 1e-6);
        Assert.InRange(link.BytesPerSecond, 4.16e6, 4.17e6);
        Assert.Equal(0, link.LatencySeconds);
        Assert.Equal(0.1, link.PowerWatts);
    }

    [Fact]
    public void A_channel_link_with_its_own_power_keeps_that_power()
    {
        var manifest = ManifestAssert.Clean(ManifestSamples.ChannelWithOwnPower);
        Assert.Equal(2, manifest.Links[0].PowerWatts);
        Assert.Equal(1e6 * Math.Log2(1.1) / 8, manifest.Links[0].BytesPerSecond, 1e-6);
    }

    [Fact]
    public void Defaults_apply_when_properties_are_absent()
    {
        var manifest = ManifestAssert.Clean(ManifestSamples.Minimal);
        Assert.Null(manifest.ModelPath);
        Assert.Null(manifest.ModelPathLocation);
        Assert.Empty(manifest.Inputs);
        Assert.Equal(PartitionStrategy.Auto, manifest.Strategy);
        Assert.Equal(ObjectiveSpec.Latency, manifest.Objective);
        Assert.Equal(DeviceManifest.DefaultAlternatives, manifest.Alternatives);
        Assert.Empty(manifest.Links);
        Assert.Equal("cpu", manifest.Source);
        Assert.Null(manifest.Sink);
        Assert.Null(manifest.Fused);
        Assert.Equal(1e9, manifest.Devices[0].ComputeFlopsPerSecond);
    }

    [Fact]
    public void Plain_numbers_are_base_units_bytes_per_second_for_bandwidth()
    {
        var manifest = ManifestAssert.Clean(ManifestSamples.PlainNumbers);
        Assert.Equal(1048576, manifest.Devices[0].MemoryBytes);
        Assert.Equal(0, manifest.Devices[0].PowerWatts);
        Assert.Equal(1000, manifest.Links[0].BytesPerSecond);
        Assert.Equal(0.002, manifest.Links[0].LatencySeconds);
        Assert.Equal(0.5, manifest.Links[0].PowerWatts);
    }

    [Fact]
    public void Bidirectional_adds_the_reverse_link_after_the_forward_one()
    {
        var manifest = ManifestAssert.Clean(ManifestSamples.Bidirectional);
        Assert.Equal(new[] { "a->b", "b->a", "b->c" }, manifest.Links.Select(l => l.Name));
        Assert.Equal(manifest.Links[0].BytesPerSecond, manifest.Links[1].BytesPerSecond);
        Assert.Equal(manifest.Links[0].Location, manifest.Links[1].Location);
    }

    [Theory]
    [InlineData("\"latency\"", 1, 0, "latency")]
    [InlineData("\"energy\"", 0, 1, "energy")]
    [InlineData("{ \"latency\": 1.0, \"energy\": 0.5 }", 1, 0.5, "weighted")]
    [InlineData("{ \"energy\": 2 }", 0, 2, "weighted")]
    public void Objectives_read_as_weights(string objective, double latency, double energy, string name)
    {
        var manifest = ManifestAssert.Clean($$"""{ "objective": {{objective}}, "devices": [ { "name": "a", "compute": 1 } ] }""");
        Assert.Equal(new ObjectiveSpec(latency, energy), manifest.Objective);
        Assert.Equal(name, manifest.Objective.Name);
    }

    [Theory]
    [InlineData("auto", PartitionStrategy.Auto)]
    [InlineData("ksp", PartitionStrategy.Ksp)]
    public void Strategies_parse(string text, PartitionStrategy expected)
    {
        var manifest = ManifestAssert.Clean($$"""{ "strategy": "{{text}}", "devices": [ { "name": "a", "compute": 1 } ] }""");
        Assert.Equal(expected, manifest.Strategy);
    }

    [Fact]
    public void Fused_strategy_with_its_section_and_defaults()
    {
        var manifest = ManifestAssert.Clean(ManifestSamples.Fused);
        Assert.Equal(PartitionStrategy.Fused, manifest.Strategy);
        Assert.Equal(new FusedOptions("end", "edge", FusedOptions.DefaultMaxPaths, "mw"), manifest.Fused! with { Location = null });
    }

    [Fact]
    public void Schema_reference_and_several_input_pins_are_accepted()
    {
        var manifest = ManifestAssert.Clean(ManifestSamples.SchemaAndPins);
        Assert.Equal(new[] { "input.1", "mask" }, manifest.Inputs.Select(p => p.Name));
    }

    [Fact]
    public void Parsing_bytes_and_text_gives_equal_manifests()
    {
        var diagnostics = new Diagnostics.DiagnosticBag();
        var fromBytes = ManifestParser.Parse(System.Text.Encoding.UTF8.GetBytes(ManifestSamples.Design), ManifestAssert.Path, diagnostics);
        Assert.Empty(diagnostics.Items);
        Assert.Equal(ManifestAssert.Clean(ManifestSamples.Design), fromBytes);
    }

    [Fact]
    public void Parsing_is_deterministic()
    {
        Assert.Equal(ManifestAssert.Clean(ManifestSamples.Design), ManifestAssert.Clean(ManifestSamples.Design));
    }
}
