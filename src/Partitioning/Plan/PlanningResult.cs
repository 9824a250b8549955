using System.Collections.Immutable;
using PartitionCompiler.Partitioning.Diagnostics;
using PartitionCompiler.Partitioning.Solver;

namespace PartitionCompiler.Partitioning.Plan;

/// <summary>The plan (null when an error prevented one), every diagnostic, and the solver's raw answer.</summary>
public sealed record PlanningResult(PartitionPlan? Plan, ImmutableArray<Diagnostic> Diagnostics, KspSolution Solution)
{
    public bool HasErrors => Diagnostics.Any(d => d.IsError);
}
