using PartitionCompiler.Partitioning.Diagnostics;
using PartitionCompiler.Partitioning.Profiles;
using PartitionCompiler.Partitioning.Tests.Manifest;

namespace PartitionCompiler.Partitioning.Tests.Profiles;

public class ProfileValidatorTests
{
    private const string Text = $$"""
        {
          "formatVersion": 1, "device": "phone", "model": { "sha256": "{{ProfileSamples.Sha}}" }, "unit": "ms",
          "nodes": {
            "conv1": { "median": 1 },
            "ghost": { "median": 2 },
            "pool2": { "median": 3 }
          },
          "segments": [
            { "first": "conv1", "last": "pool2", "median": 4 },
            { "first": "conv1", "last": "phantom", "median": 5 }
          ]
        }
        """;

    private static readonly HashSet<string> ModelNodes = new(StringComparer.Ordinal) { "conv1", "relu1", "pool2" };

    private static DeviceProfile ParsedProfile()
    {
        var diagnostics = new DiagnosticBag();
        var profile = ProfileParser.Parse(Text, ProfileSamples.Path, diagnostics);
        Assert.Empty(diagnostics.Items);
        return profile!;
    }

    private static void AssertAt(Diagnostic diagnostic, string token)
    {
        var (line, column) = ManifestSamples.Find(Text, token);
        Assert.Equal((ProfileSamples.Path, line, column), (diagnostic.Location!.Path, diagnostic.Location.Line!.Value, diagnostic.Location.Column!.Value));
    }

    [Fact]
    public void PC0205_nodes_the_model_lacks_are_dropped_with_a_warning()
    {
        var diagnostics = new DiagnosticBag();
        var validated = ProfileValidator.Validate(ParsedProfile(), "phone", ModelNodes, ProfileSamples.Sha, diagnostics);

        Assert.NotNull(validated);
        Assert.Equal(new[] { "conv1", "pool2" }, validated.Nodes.Keys);
        Assert.Equal(("conv1", "pool2"), (Assert.Single(validated.Segments).First, validated.Segments[0].Last));
        Assert.Equal(new[] { "PC0205", "PC0205" }, diagnostics.Items.Select(d => d.Code));
        Assert.All(diagnostics.Items, d => Assert.Equal(DiagnosticSeverity.Warning, d.Severity));
        AssertAt(diagnostics.Items[0], "\"ghost\"");
        Assert.Equal("$.nodes.ghost: the model has no node 'ghost'; the entry is ignored (nodes are keyed by name, or '@' and the first output's name when the name is empty or repeated)", diagnostics.Items[0].Message);
        AssertAt(diagnostics.Items[1], "{ \"first\": \"conv1\", \"last\": \"phantom\"");
        Assert.StartsWith("$.segments[1].last: the model has no node 'phantom'", diagnostics.Items[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PC0204_a_profile_of_another_model_is_ignored()
    {
        var diagnostics = new DiagnosticBag();
        string other = new('0', 64);
        var validated = ProfileValidator.Validate(ParsedProfile(), "phone", ModelNodes, other, diagnostics);

        Assert.Null(validated);
        var diagnostic = Assert.Single(diagnostics.Items);
        Assert.Equal(("PC0204", DiagnosticSeverity.Warning), (diagnostic.Code, diagnostic.Severity));
        AssertAt(diagnostic, $"\"{ProfileSamples.Sha}\"");
        Assert.Contains($"sha256 {ProfileSamples.Sha}, but this model's is {other}", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_model_hash_compares_without_case()
    {
        var diagnostics = new DiagnosticBag();
        var validated = ProfileValidator.Validate(ParsedProfile(), "phone", new HashSet<string> { "conv1", "pool2", "ghost", "phantom" }, ProfileSamples.Sha.ToUpperInvariant(), diagnostics);
        Assert.Empty(diagnostics.Items);
        Assert.Equal(ParsedProfile(), validated);
    }

    [Fact]
    public void PC0206_a_profile_measured_for_another_device_name_is_kept_with_a_warning()
    {
        var diagnostics = new DiagnosticBag();
        var validated = ProfileValidator.Validate(ParsedProfile(), "handset", new HashSet<string> { "conv1", "pool2", "ghost", "phantom" }, ProfileSamples.Sha, diagnostics);

        Assert.NotNull(validated);
        Assert.Equal(3, validated.Nodes.Count);
        var diagnostic = Assert.Single(diagnostics.Items);
        Assert.Equal(("PC0206", DiagnosticSeverity.Warning), (diagnostic.Code, diagnostic.Severity));
        AssertAt(diagnostic, "\"phone\"");
        Assert.Equal("$.device: the profile was measured for device 'phone', but manifest device 'handset' names it; it is used for 'handset' (rename one of them if that is intended)", diagnostic.Message);
    }
}
