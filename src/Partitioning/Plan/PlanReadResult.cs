using System.Collections.Immutable;
using PartitionCompiler.Partitioning.Diagnostics;

namespace PartitionCompiler.Partitioning.Plan;

/// <summary>The plan read from a file, or null with the PC0500 diagnostic that says why not.</summary>
public sealed record PlanReadResult(PartitionPlan? Plan, ImmutableArray<Diagnostic> Diagnostics);
