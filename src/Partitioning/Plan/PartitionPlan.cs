using PartitionCompiler.Partitioning.Collections;

namespace PartitionCompiler.Partitioning.Plan;

/// <summary>
/// The plan file (DESIGN.md section 5; documented in docs/plan-format.md): the contract that generated code,
/// <c>partc verify</c> and reviewers read. Immutable and value-equal; serialised deterministically.
/// </summary>
/// <param name="ManifestSha256">sha256 of the manifest text after CRLF -> LF, lowercase hex.</param>
/// <param name="Strategy"><c>ksp</c> or <c>fused</c>.</param>
/// <param name="Objective"><c>latency</c>, <c>energy</c> or <c>weighted</c>.</param>
/// <param name="Alternatives">Ranks 2..K of the solver, best first.</param>
public sealed record PartitionPlan(
    int FormatVersion,
    PlanModel Model,
    string ManifestSha256,
    string Strategy,
    string Objective,
    PlanPrediction Predicted,
    EquatableArray<PlanStage> Stages,
    EquatableArray<PlanTransfer> Transfers,
    EquatableArray<PlanAlternative> Alternatives)
{
    public const int CurrentFormatVersion = 1;
}
