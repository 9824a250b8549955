using PartitionCompiler.Partitioning.Diagnostics;
using PartitionCompiler.Partitioning.Manifest;
using PartitionCompiler.Partitioning.Profiles;
using PartitionCompiler.Partitioning.Tests.Profiles;

namespace PartitionCompiler.Partitioning.Tests.Manifest;

/// <summary>Damaged input never throws: every outcome is a manifest, or diagnostics with a location.</summary>
public class ManifestRobustnessTests
{
    private static IEnumerable<string> Damaged(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            yield return text[..i];
            yield return text.Remove(i, 1);
            yield return text.Insert(i, text[i] == '"' ? "," : "\"");
        }
    }

    [Fact]
    public void Every_truncation_deletion_and_stray_quote_of_the_design_manifest_gives_a_located_result()
    {
        int rejected = 0;
        foreach (string text in Damaged(ManifestSamples.Design))
        {
            var diagnostics = new DiagnosticBag();
            var manifest = ManifestParser.Parse(text, ManifestAssert.Path, diagnostics);
            Assert.True(manifest is not null || diagnostics.HasErrors, text);
            Assert.All(diagnostics.Items, d => Assert.True(d.Location?.Line >= 1 && d.Location?.Column >= 1, d.ToString()));
            rejected += manifest is null ? 1 : 0;
        }

        Assert.True(rejected > ManifestSamples.Design.Length, "most damage must be detected");
    }

    [Fact]
    public void Every_truncation_deletion_and_stray_quote_of_a_profile_gives_a_located_result()
    {
        foreach (string text in Damaged(ProfileSamples.Design))
        {
            var diagnostics = new DiagnosticBag();
            var profile = ProfileParser.Parse(text, ProfileSamples.Path, diagnostics);
            Assert.True(profile is not null || diagnostics.HasErrors, text);
            Assert.All(diagnostics.Items, d => Assert.True(d.Location?.Line >= 1 && d.Location?.Column >= 1, d.ToString()));
        }
    }
}
