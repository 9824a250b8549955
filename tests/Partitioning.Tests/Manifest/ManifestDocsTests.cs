using System.Text.RegularExpressions;
using PartitionCompiler.Partitioning.Diagnostics;
using PartitionCompiler.Partitioning.Manifest;
using PartitionCompiler.Partitioning.Profiles;

namespace PartitionCompiler.Partitioning.Tests.Manifest;

/// <summary>
/// Keeps docs/manifest.md true: every manifest example
/// (<c>```jsonc</c>) and profile example (<c>```json</c>) parses cleanly and passes its schema, and the unit table lists
/// every unit. (docs/diagnostics.md is checked for every code by DiagnosticCatalogDocumentationTests.)
/// </summary>
public partial class ManifestDocsTests
{
    private static readonly string ManifestDoc = RepositoryFiles.Read("docs/manifest.md");

    private static List<string> Blocks(string language) =>
        FencedBlock().Matches(ManifestDoc).Where(m => m.Groups["lang"].Value == language).Select(m => m.Groups["body"].Value).ToList();

    [Fact]
    public void Every_manifest_example_parses_cleanly_and_passes_the_schema()
    {
        var examples = Blocks("jsonc");
        Assert.True(examples.Count >= 3, "docs/manifest.md should show at least three manifests");
        foreach (string example in examples)
        {
            ManifestAssert.Clean(example);
            var (valid, errors) = SchemaHarness.Validate(SchemaHarness.Manifest, example);
            Assert.True(valid, errors);
        }
    }

    [Fact]
    public void The_first_example_is_the_design_example()
    {
        var first = ManifestAssert.Clean(Blocks("jsonc")[0]);
        Assert.Equal(ManifestAssert.Clean(ManifestSamples.Design), first, new DeviceNamesAndLinks());
    }

    [Fact]
    public void Every_profile_example_parses_cleanly_and_passes_the_schema()
    {
        var examples = Blocks("json");
        Assert.NotEmpty(examples);
        foreach (string example in examples)
        {
            var diagnostics = new DiagnosticBag();
            Assert.NotNull(ProfileParser.Parse(example, "docs.profile.json", diagnostics));
            Assert.Empty(diagnostics.Items);
            var (valid, errors) = SchemaHarness.Validate(SchemaHarness.Profile, example);
            Assert.True(valid, errors);
        }
    }

    [Fact]
    public void The_unit_table_lists_every_unit()
    {
        int start = ManifestDoc.IndexOf("## Quantities and units", StringComparison.Ordinal);
        int end = ManifestDoc.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        string section = ManifestDoc[start..end];
        foreach (var kind in QuantityUnits.Kinds)
        {
            foreach (var unit in QuantityUnits.For(kind))
            {
                bool listed = section.Contains($"`{unit.Symbol}`", StringComparison.Ordinal)
                    || (unit.Symbol.EndsWith("FLOPS", StringComparison.Ordinal) && section.Contains("the same with `FLOPS`", StringComparison.Ordinal))
                    || (unit.Symbol.StartsWith('\u03bc') && section.Contains("Greek mu", StringComparison.Ordinal));
                Assert.True(listed, $"unit {unit.Symbol} of {kind} is not in the table");
            }
        }
    }

    [GeneratedRegex(@"^```(?<lang>[a-z]+)\n(?<body>.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex FencedBlock();


    /// <summary>Compares what the example means (devices and links), not where its tokens are.</summary>
    private sealed class DeviceNamesAndLinks : IEqualityComparer<DeviceManifest>
    {
        public bool Equals(DeviceManifest? x, DeviceManifest? y) =>
            x is not null && y is not null
            && x.Devices.Select(d => (d.Name, d.ComputeFlopsPerSecond, d.MemoryBytes, d.PowerWatts, d.ProfilePath))
                .SequenceEqual(y.Devices.Select(d => (d.Name, d.ComputeFlopsPerSecond, d.MemoryBytes, d.PowerWatts, d.ProfilePath)))
            && x.Links.Select(l => (l.Name, l.BytesPerSecond, l.LatencySeconds, l.PowerWatts, l.Channel))
                .SequenceEqual(y.Links.Select(l => (l.Name, l.BytesPerSecond, l.LatencySeconds, l.PowerWatts, l.Channel)))
            && (x.ModelPath, x.Strategy, x.Objective, x.Alternatives, x.Source, x.Sink) == (y.ModelPath, y.Strategy, y.Objective, y.Alternatives, y.Source, y.Sink)
            && x.Inputs.Select(p => (p.Name, string.Join(",", p.Dims))).SequenceEqual(y.Inputs.Select(p => (p.Name, string.Join(",", p.Dims))))
            && x.Fused?.EndDevice == y.Fused?.EndDevice && x.Fused?.Server == y.Fused?.Server;

        public int GetHashCode(DeviceManifest obj) => obj.Devices.Count;
    }
}
