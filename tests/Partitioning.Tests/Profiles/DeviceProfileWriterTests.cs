using PartitionCompiler.Partitioning.Diagnostics;
using PartitionCompiler.Partitioning.Profiles;

namespace PartitionCompiler.Partitioning.Tests.Profiles;

public class DeviceProfileWriterTests
{
    private static DeviceProfile Parse(string text)
    {
        var diagnostics = new DiagnosticBag();
        var profile = ProfileParser.Parse(text, ProfileSamples.Path, diagnostics);
        Assert.True(diagnostics.Items.Count == 0, string.Join("\n", diagnostics.Items));
        return profile!;
    }

    [Theory]
    [InlineData("s")]
    [InlineData("ms")]
    [InlineData("us")]
    [InlineData("ns")]
    public void Written_profiles_parse_back_to_the_same_times(string unit)
    {
        var original = Parse(ProfileSamples.Design);
        string text = DeviceProfileWriter.Write(original, unit);
        var back = Parse(text);

        Assert.Equal(original.Device, back.Device);
        Assert.Equal(original.ModelSha256, back.ModelSha256);
        Assert.Equal(original.Nodes.Keys, back.Nodes.Keys);
        foreach (var (key, timing) in original.Nodes)
        {
            Assert.Equal(timing.Median, back.Nodes[key].Median, timing.Median * 1e-6);
            Assert.Equal(timing.P10!.Value, back.Nodes[key].P10!.Value, timing.P10.Value * 1e-6);
            Assert.Equal(timing.P90!.Value, back.Nodes[key].P90!.Value, timing.P90.Value * 1e-6);
        }

        Assert.Equal(original.Segments.Select(s => (s.First, s.Last)), back.Segments.Select(s => (s.First, s.Last)));
        Assert.Equal(original.Segments[0].Median, back.Segments[0].Median, original.Segments[0].Median * 1e-6);
    }

    [Fact]
    public void Output_is_deterministic_lf_only_and_ordered_by_node_key()
    {
        string text = $$"""{ "formatVersion": 1, "device": "d", "model": { "sha256": "{{ProfileSamples.Sha}}" }, "unit": "s", "nodes": { "z": { "median": 3 }, "Ä": { "median": 1 }, "a": { "median": 2 } } }""";
        string first = DeviceProfileWriter.Write(Parse(text));
        string second = DeviceProfileWriter.Write(Parse(text));

        Assert.Equal(first, second);
        Assert.DoesNotContain('\r', first);
        Assert.EndsWith("}\n", first, StringComparison.Ordinal);
        Assert.True(first.IndexOf("\"a\"", StringComparison.Ordinal) < first.IndexOf("\"z\"", StringComparison.Ordinal));
        Assert.Contains("\"Ä\"", first, StringComparison.Ordinal);
        Assert.Contains("\"median\": 3000", first, StringComparison.Ordinal);
    }

    [Fact]
    public void Names_that_need_escaping_survive_the_round_trip()
    {
        string key = "layer \"1\"\\out\n";
        var profile = Parse(ProfileSamples.Design);
        var odd = profile with { Nodes = profile.Nodes.Add(key, new NodeTiming(0.5, null, null)) };
        var back = Parse(DeviceProfileWriter.Write(odd));
        Assert.Equal(0.5, back.Nodes[key].Median, 1e-9);
        Assert.Null(back.Nodes[key].P10);
    }
}
