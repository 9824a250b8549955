using System.Text.RegularExpressions;
using PartitionCompiler.Partitioning.Diagnostics;
using PartitionCompiler.TestSupport;

namespace PartitionCompiler.OnnxSplitter.Tests.SubModels;

/// <summary>The emission and verification band (PC0400-PC0459) of the catalogue and <c>docs/diagnostics.md</c> agree both ways.</summary>
public sealed partial class EmitDiagnosticsDocumentationTests
{
    [Fact]
    public void Every_emission_code_is_documented_with_its_severity_and_message_and_every_documented_one_exists()
    {
        string text = RepositoryFiles.Read("docs/diagnostics.md");
        var documented = Heading().Matches(text).ToDictionary(m => m.Groups[1].Value, m => (Severity: m.Groups[2].Value, Message: m.Groups[3].Value), StringComparer.Ordinal);
        var catalogue = DiagnosticCatalog.All.Where(d => InBand(d.Code)).ToArray();
        Assert.NotEmpty(catalogue);
        foreach (var descriptor in catalogue)
        {
            Assert.True(documented.TryGetValue(descriptor.Code, out var entry), $"{descriptor.Code} has no entry in docs/diagnostics.md");
            Assert.Equal(descriptor.Severity.ToString(), entry.Severity);

            // The documented message is the format, where "..." stands for any text the page leaves out.
            string pattern = "^" + Regex.Escape(entry.Message).Replace(@"\.\.\.", ".*", StringComparison.Ordinal) + "$";
            Assert.True(Regex.IsMatch(descriptor.MessageFormat, pattern, RegexOptions.Singleline),
                $"{descriptor.Code}: the documented message `{entry.Message}` does not match the catalogue's `{descriptor.MessageFormat}`");
        }

        var unknown = documented.Keys.Where(InBand).Except(catalogue.Select(d => d.Code)).ToArray();
        Assert.True(unknown.Length == 0, "documented but not in the catalogue: " + string.Join(", ", unknown));
    }

    private static bool InBand(string code) => string.CompareOrdinal(code, "PC0400") >= 0 && string.CompareOrdinal(code, "PC0459") <= 0;

    [GeneratedRegex(@"^### (PC\d{4})\n(Error|Warning)\. `(.*)`$", RegexOptions.Multiline)]
    private static partial Regex Heading();
}
