using PartitionCompiler.Cli.Output;
using PartitionCompiler.Partitioning.Manifest;

namespace PartitionCompiler.Cli.Planning;

/// <summary>
/// What one <c>partc plan</c> run was asked to do: the command line, parsed (docs/cli.md describes every option).
/// Paths are as the user wrote them; relative ones are relative to the current folder.
/// </summary>
/// <param name="ManifestPath">The device manifest.</param>
/// <param name="ModelPath"><c>--model</c>: the model, overriding the manifest's <c>model</c>.</param>
/// <param name="OutFolder"><c>--out</c>: where the plan and the stage files go (default: the manifest's folder).</param>
/// <param name="PlanPath"><c>--plan</c>: the plan file, overriding <c>OutFolder/&lt;plan name&gt;</c>.</param>
/// <param name="StagesFolder"><c>--stages</c>: the partitions root for stage files, overriding <c>OutFolder</c>.</param>
/// <param name="GeneratedFolder"><c>--generated</c>: where the C# goes; null: no code.</param>
/// <param name="Namespace"><c>--namespace</c>, or null for the default.</param>
/// <param name="ClassName"><c>--class-name</c>, or null for PascalCase(model stem) + <c>Plan</c>.</param>
/// <param name="OutputsList"><c>--outputs-list</c>: the file listing what the run produced, or null.</param>
/// <param name="Alternatives"><c>-k</c>: K, overriding the manifest's <c>alternatives</c>.</param>
/// <param name="Strategy"><c>--strategy</c>, overriding the manifest's <c>strategy</c>.</param>
/// <param name="Pins"><c>--input</c> pins; each replaces the manifest's pin of the same input.</param>
internal sealed record PlanSettings(
    string ManifestPath,
    string? ModelPath = null,
    string? OutFolder = null,
    string? PlanPath = null,
    string? StagesFolder = null,
    string? GeneratedFolder = null,
    string? Namespace = null,
    string? ClassName = null,
    PlanMode Mode = PlanMode.Update,
    string? OutputsList = null,
    int? Alternatives = null,
    PartitionStrategy? Strategy = null,
    IReadOnlyList<InputPin>? Pins = null,
    bool Verify = false,
    bool Json = false);
