using System.Globalization;
using System.Text;
using PartitionCompiler.Partitioning.Collections;

namespace PartitionCompiler.Partitioning.Solver;

/// <summary>
/// One plan found by the solver: the device of each position, its stages and transfers in execution order, and its
/// latency (sum of every stage's and transfer's time), energy and objective value.
/// </summary>
public sealed record SolvedPlan(
    EquatableArray<int> Assignment,
    EquatableArray<SolvedStage> Stages,
    EquatableArray<SolvedTransfer> Transfers,
    double LatencySeconds,
    double EnergyJoules,
    double Objective)
{
    /// <summary>Devices and inclusive position ranges, e.g. <c>glasses:0-17 | phone:18-244</c>.</summary>
    public string Describe(IReadOnlyList<string> deviceNames)
    {
        ArgumentNullException.ThrowIfNull(deviceNames);
        var text = new StringBuilder();
        foreach (var stage in Stages)
        {
            if (text.Length > 0)
            {
                text.Append(" | ");
            }

            text.Append(deviceNames[stage.Device]).Append(':')
                .Append(stage.First.ToString(CultureInfo.InvariantCulture)).Append('-')
                .Append(stage.Last.ToString(CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }
}
