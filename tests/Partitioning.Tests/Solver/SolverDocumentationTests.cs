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


    [GeneratedRegex("\"(?<name>[A-Za-z0-9]+)\": ")]
    private static partial Regex PropertyName();
}
