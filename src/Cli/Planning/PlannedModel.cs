using PartitionCompiler.Codegen.Emit;
using PartitionCompiler.OnnxSplitter.SubModels;
using PartitionCompiler.Partitioning.Plan;

namespace PartitionCompiler.Cli.Planning;

/// <summary>
/// Everything a <c>partc plan</c> run produced in memory, before anything is written: the plan (stage hashes filled
/// in) and its file bytes, the stage models, and the generated C# (empty without <c>--generated</c>).
/// </summary>
internal sealed record PlannedModel(
    LoadedManifest Manifest,
    AnalyzedModel Analyzed,
    PlanLocations Locations,
    PartitionPlan Plan,
    byte[] PlanJson,
    SubModelSet Stages,
    IReadOnlyList<GeneratedFile> Code);
