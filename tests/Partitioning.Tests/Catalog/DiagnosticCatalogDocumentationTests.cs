using System.Text.RegularExpressions;
using PartitionCompiler.Partitioning.Diagnostics;

namespace PartitionCompiler.Partitioning.Tests.Catalog;

/// <summary>
/// The one catalogue (<see cref="DiagnosticCatalog"/>) and <c>docs/diagnostics.md</c> agree both ways: every code has an
/// entry with its severity, every documented code exists, and codes are well formed, unique and in their band's section.
/// </summary>
public sealed partial class DiagnosticCatalogDocumentationTests
{
    private static readonly string Doc = RepositoryFiles.Read("docs/diagnostics.md");

    [Fact]
    public void Every_catalogued_code_has_a_docs_entry_with_its_severity()
    {
        var entries = Entries();
        foreach (var descriptor in DiagnosticCatalog.All)
        {
            Assert.True(entries.TryGetValue(descriptor.Code, out string? severity), $"{descriptor.Code} ({descriptor.Title}) has no entry in docs/diagnostics.md");
            Assert.True(descriptor.Severity.ToString() == severity, $"{descriptor.Code} is a {descriptor.Severity} but documented as {severity}");
        }
    }

    [Fact]
    public void Every_documented_code_is_in_the_catalogue()
    {
        var catalogued = DiagnosticCatalog.All.Select(d => d.Code).ToHashSet(StringComparer.Ordinal);
        var unknown = Entries().Keys.Where(code => !catalogued.Contains(code)).Order(StringComparer.Ordinal).ToList();
        Assert.True(unknown.Count == 0, "documented but not catalogued: " + string.Join(", ", unknown));
    }

    [Fact]
    public void Codes_are_well_formed_unique_and_documented_once()
    {
        var codes = DiagnosticCatalog.All.Select(d => d.Code).ToList();
        Assert.All(codes, code => Assert.Matches(@"^PC\d{4}$", code));
        Assert.Equal(codes.Count, codes.Distinct(StringComparer.Ordinal).Count());

        var headings = DocEntry().Matches(Doc).Select(m => m.Groups["code"].Value).ToList();
        var repeated = headings.GroupBy(h => h, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(repeated.Count == 0, "documented twice: " + string.Join(", ", repeated));
    }

    [Fact]
    public void Each_entry_sits_in_its_bands_section()
    {
        // Sections are "## PC00xx: ...", "## PC01xx: ...", ... and "## PC9999: ...".
        string? section = null;
        foreach (string line in Doc.Split('\n'))
        {
            var heading = Section().Match(line);
            if (heading.Success)
            {
                section = heading.Groups["band"].Value;
                continue;
            }

            var entry = EntryHeading().Match(line);
            if (entry.Success)
            {
                string code = entry.Groups["code"].Value;
                string band = code == "PC9999" ? "PC9999" : code[..4] + "xx";
                Assert.True(section == band, $"{code} is documented under '{section}', not under '{band}'");
            }
        }
    }

    [Fact]
    public void Message_formats_format_with_placeholder_arguments()
    {
        foreach (var descriptor in DiagnosticCatalog.All)
        {
            int highest = Placeholder().Matches(descriptor.MessageFormat).Select(m => int.Parse(m.Groups["index"].Value, System.Globalization.CultureInfo.InvariantCulture)).DefaultIfEmpty(-1).Max();
            object?[] args = Enumerable.Range(0, highest + 1).Select(i => (object?)$"<{i}>").ToArray();
            var diagnostic = descriptor.Create(new SourceLocation("x.json", 1, 1), args);
            Assert.DoesNotContain("{", diagnostic.Message.Replace("{{", "", StringComparison.Ordinal), StringComparison.Ordinal);
        }
    }

    private static Dictionary<string, string> Entries() =>
        DocEntry().Matches(Doc).GroupBy(m => m.Groups["code"].Value, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Groups["severity"].Value, StringComparer.Ordinal);

    [GeneratedRegex(@"^### (?<code>PC\d{4})\n(?<severity>Error|Warning)\.", RegexOptions.Multiline)]
    private static partial Regex DocEntry();

    [GeneratedRegex(@"^### (?<code>PC\d{4})\s*$")]
    private static partial Regex EntryHeading();

    [GeneratedRegex(@"^## (?<band>PC\d\dxx|PC9999):")]
    private static partial Regex Section();

    [GeneratedRegex(@"\{(?<index>\d+)[^}]*\}")]
    private static partial Regex Placeholder();
}
