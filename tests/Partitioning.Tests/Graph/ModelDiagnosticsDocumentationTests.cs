using System.Text.RegularExpressions;
using PartitionCompiler.Partitioning.Diagnostics;

namespace PartitionCompiler.Partitioning.Tests.Graph;

/// <summary>The model-reading and graph band (PC0100-PC0119) of the catalogue and <c>docs/diagnostics.md</c> agree both ways.</summary>
public sealed partial class ModelDiagnosticsDocumentationTests
{
    [Fact]
    public void Every_model_and_graph_code_is_documented_with_its_severity_and_every_documented_one_exists()
    {
        string text = File.ReadAllText(DocsPath());
        var documented = Heading().Matches(text).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value, StringComparer.Ordinal);
        var catalogue = DiagnosticCatalog.All.Where(d => InBand(d.Code)).ToArray();
        Assert.Equal(16, catalogue.Length); // PC0100-PC0115
        foreach (var descriptor in catalogue)
        {
            Assert.True(documented.TryGetValue(descriptor.Code, out string? severity), $"{descriptor.Code} has no entry in docs/diagnostics.md");
            Assert.Equal(descriptor.Severity.ToString(), severity);
        }

        var unknown = documented.Keys.Where(InBand).Except(catalogue.Select(d => d.Code)).ToArray();
        Assert.True(unknown.Length == 0, "documented but not in the catalogue: " + string.Join(", ", unknown));
    }

    private static bool InBand(string code) => string.CompareOrdinal(code, "PC0100") >= 0 && string.CompareOrdinal(code, "PC0119") <= 0;

    private static string DocsPath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "docs", "diagnostics.md");
            if (File.Exists(Path.Combine(dir.FullName, "PartitionCompiler.sln")) && File.Exists(candidate))
            {
                return candidate;
            }
        }

        Assert.Fail("docs/diagnostics.md was not found above " + AppContext.BaseDirectory);
        return "";
    }

    [GeneratedRegex(@"^### (PC\d{4})\n(Error|Warning)\.", RegexOptions.Multiline)]
    private static partial Regex Heading();
}
