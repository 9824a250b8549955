using System.Text;
using System.Text.RegularExpressions;
using PartitionCompiler.Partitioning.Collections;
using PartitionCompiler.Partitioning.Diagnostics;
using PartitionCompiler.Partitioning.Plan;
using PartitionCompiler.Partitioning.Tests.Manifest;
using PartitionCompiler.Partitioning.Tests.Plan;

namespace PartitionCompiler.Partitioning.Tests.Solver;

public sealed partial class SolverDocumentationTests
{
    [Theory]
    [InlineData("PC03")]
    [InlineData("PC05")]
    public void Every_code_of_the_band_has_a_docs_entry_with_its_severity_and_back(string band)
    {
        string doc = RepositoryFiles.Read("docs/diagnostics.md");
        var entries = DocEntry().Matches(doc)
            .Where(m => m.Groups["code"].Value.StartsWith(band, StringComparison.Ordinal))
            .ToDictionary(m => m.Groups["code"].Value, m => m.Groups["severity"].Value);
        var codes = DiagnosticCatalog.All.Where(d => d.Code.StartsWith(band, StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(codes);
        Assert.Equal(codes.Select(d => d.Code).Order(StringComparer.Ordinal), entries.Keys.Order(StringComparer.Ordinal));
        foreach (var descriptor in codes)
        {
            Assert.Equal(descriptor.Severity == DiagnosticSeverity.Error ? "Error" : "Warning", entries[descriptor.Code]);
        }
    }

    [Fact]
    public void Plan_format_doc_names_every_property_the_writer_emits()
    {
        string doc = RepositoryFiles.Read("docs/plan-format.md");
        var plan = KspPlanner.Plan(KspPlannerTests.RandomRequest(6, 3, sink: true, seed: 7, k: 3, memory: false)).Plan!;
        string json = Encoding.UTF8.GetString(PlanJsonWriter.Write(plan with { Stages = plan.Stages.Select((s, i) => i == 0 ? s with { DataSha256 = "00" } : s).ToEquatableArray() }));

        var names = PropertyName().Matches(json).Select(m => m.Groups["name"].Value).Distinct().ToList();

        Assert.Contains("dataSha256", names);
        foreach (string name in names)
        {
            Assert.True(doc.Contains($"`{name}`", StringComparison.Ordinal) || doc.Contains($"`{name}.", StringComparison.Ordinal) || doc.Contains($"`{name}[", StringComparison.Ordinal)
                || doc.Contains($".{name}`", StringComparison.Ordinal),
                $"docs/plan-format.md does not document '{name}'");
        }
    }

    [GeneratedRegex(@"^### (?<code>PC\d{4})\n(?<severity>Error|Warning)\.", RegexOptions.Multiline)]
    private static partial Regex DocEntry();

    [GeneratedRegex("\"(?<name>[A-Za-z0-9]+)\": ")]
    private static partial Regex PropertyName();
}
