namespace PartitionCompiler.Tasks;

/// <summary>
/// The diagnostic codes the MSBuild integration reports itself, before or around the CLI (PC0090-PC0099, in the
/// PC00xx band). Each code has an entry in <c>docs/diagnostics.md</c>. The targets report PC0097 and PC0098 with
/// MSBuild's <c>Error</c> task; their texts live in <c>build/PartitionCompiler.targets</c>.
/// </summary>
internal static class TaskCodes
{
    public const string MissingManifestMetadata = "PC0090";
    public const string ModelNotFound = "PC0091";
    public const string ManifestNotFound = "PC0092";
    public const string CliNotFound = "PC0093";
    public const string InvalidPlanMode = "PC0094";
    public const string InvalidClassName = "PC0095";
    public const string InvalidNamespace = "PC0096";
    public const string DuplicateModelStem = "PC0097";
    public const string DuplicatePlanPath = "PC0098";
    public const string CliFailed = "PC0099";
}
