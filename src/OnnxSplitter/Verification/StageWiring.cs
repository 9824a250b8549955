using System.Globalization;
using PartitionCompiler.OnnxSplitter.SubModels;
using PartitionCompiler.Partitioning.Diagnostics;
using PartitionCompiler.Partitioning.Plan;

namespace PartitionCompiler.OnnxSplitter.Verification;

/// <summary>
/// Checks that a plan's stages fit together before anything runs: every stage input comes from the graph inputs or
/// from an earlier stage that lists it as an output (PC0409), and every graph output leaves some stage (PC0408).
/// </summary>
internal static class StageWiring
{
    public static bool Check(PartitionPlan plan, IEnumerable<string> graphInputs, IEnumerable<string> graphOutputs, PlanJsonLocator locator, DiagnosticBag diagnostics)
    {
        int errors = diagnostics.ErrorCount;
        var inputs = new HashSet<string>(graphInputs, StringComparer.Ordinal);
        var positions = new Dictionary<int, int>();
        for (int p = 0; p < plan.Stages.Count; p++)
        {
            var stage = plan.Stages[p];
            for (int j = 0; j < stage.Inputs.Count; j++)
            {
                var input = stage.Inputs[j];
                string from = "the graph inputs";
                string? problem = null;
                if (input.FromStage is int source)
                {
                    from = $"stage {source.ToString(CultureInfo.InvariantCulture)}";
                    if (!positions.TryGetValue(source, out int q))
                    {
                        problem = "does not run before it";
                    }
                    else if (!plan.Stages[q].Outputs.Any(o => o.Name == input.Name))
                    {
                        problem = "does not list it among its outputs";
                    }
                }
                else if (!inputs.Contains(input.Name))
                {
                    problem = "do not include it";
                }

                if (problem is not null)
                {
                    diagnostics.Add(DiagnosticCatalog.StageWiringBroken, locator.Locate(string.Create(CultureInfo.InvariantCulture, $"$.stages[{p}].inputs[{j}].from")),
                        stage.Index, input.Name, from, problem);
                }
            }

            positions.TryAdd(stage.Index, p);
        }

        var produced = new HashSet<string>(plan.Stages.SelectMany(s => s.Outputs).Select(o => o.Name), StringComparer.Ordinal);
        foreach (string output in graphOutputs)
        {
            if (!produced.Contains(output))
            {
                diagnostics.Add(DiagnosticCatalog.GraphOutputNotProduced, locator.Locate("$.stages"), output);
            }
        }

        return diagnostics.ErrorCount == errors;
    }
}
