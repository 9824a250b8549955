using System.Text.RegularExpressions;
using PartitionCompiler.Partitioning.Diagnostics;
using PartitionCompiler.TestSupport;

namespace PartitionCompiler.Codegen.Tests.Spec;

/// <summary>The code generator's band (PC0460-PC0479) in the catalogue and in <c>docs/diagnostics.md</c> match.</summary>
public sealed partial class CodegenDiagnosticsDocumentedTests
{
    [Fact]
    public void Every_codegen_code_has_an_entry_and_every_entry_a_code()
    {
        string docs = RepositoryFiles.Read("docs/diagnostics.md");
        var documented = EntryHeading().Matches(docs).Select(m => m.Groups[1].Value).Where(InBand).Order(StringComparer.Ordinal);
        var catalogued = DiagnosticCatalog.All.Select(d => d.Code).Where(InBand).Order(StringComparer.Ordinal);

        Assert.Equal(catalogued, documented);
        Assert.NotEmpty(catalogued);
    }

    private static bool InBand(string code) => string.CompareOrdinal(code, "PC0460") >= 0 && string.CompareOrdinal(code, "PC0479") <= 0;

    [GeneratedRegex(@"^### (PC\d{4})\s*$", RegexOptions.Multiline)]
    private static partial Regex EntryHeading();
}
