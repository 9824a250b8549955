using System.Collections.Immutable;
using PartitionCompiler.Partitioning.Diagnostics;

namespace PartitionCompiler.Partitioning.Solver;

/// <summary>
/// The solver's answer: up to K plans, best first (ties ordered by device sequence in manifest order, then cut
/// positions), the diagnostics, and how many candidate paths it examined.
/// </summary>
public sealed record KspSolution(ImmutableArray<SolvedPlan> Plans, ImmutableArray<Diagnostic> Diagnostics, long Examined)
{
    public bool HasErrors => Diagnostics.Any(d => d.IsError);
}
