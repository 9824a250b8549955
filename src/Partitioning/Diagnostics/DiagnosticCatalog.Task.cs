namespace PartitionCompiler.Partitioning.Diagnostics;

// PC0090-PC0099: reserved for the MSBuild integration (src/PartitionTask). The task and its targets report these
// themselves: the task is a netstandard2.0 assembly that references none of the product's projects, so it carries its
// own copy of these texts (PartitionTask/PartitionCompile.cs and build/PartitionCompiler.targets). They are listed
// here so that the catalogue, docs/diagnostics.md and the code agree on every code there is. Keep the texts in step.
public static partial class DiagnosticCatalog
{
    /// <summary>PC0090: a <c>PartitionModel</c> item without <c>Manifest</c> metadata.</summary>
    public static readonly DiagnosticDescriptor TaskMissingManifest = new(
        "PC0090", DiagnosticSeverity.Error, "PartitionModel without a manifest",
        "PartitionModel '{0}' has no Manifest metadata; name its device manifest on the item, e.g. Manifest=\"{1}.devices.json\"");

    /// <summary>PC0091: the model file of a <c>PartitionModel</c> item does not exist.</summary>
    public static readonly DiagnosticDescriptor TaskModelNotFound = new(
        "PC0091", DiagnosticSeverity.Error, "Model file not found",
        "the model '{0}' named by a PartitionModel item does not exist; fix the item's Include (relative paths are relative to the project folder)");

    /// <summary>PC0092: the manifest of a <c>PartitionModel</c> item does not exist.</summary>
    public static readonly DiagnosticDescriptor TaskManifestNotFound = new(
        "PC0092", DiagnosticSeverity.Error, "Manifest file not found",
        "the device manifest '{0}' of PartitionModel '{1}' does not exist; fix the item's Manifest metadata (relative paths are relative to the project folder) or create the file");

    /// <summary>PC0093: the CLI the task should run does not exist.</summary>
    public static readonly DiagnosticDescriptor TaskCliNotFound = new(
        "PC0093", DiagnosticSeverity.Error, "partc CLI not found",
        "the partc CLI was not found at '{0}'; the PartitionCompiler package is incomplete or PartitionCompilerCliPath points to the wrong file (clear it to use the package's CLI)");

    /// <summary>PC0094: <c>PartitionPlanMode</c> is neither Update nor Locked.</summary>
    public static readonly DiagnosticDescriptor TaskInvalidPlanMode = new(
        "PC0094", DiagnosticSeverity.Error, "Invalid PartitionPlanMode",
        "PartitionPlanMode is '{0}'; use Update (rewrite the plan when it changes) or Locked (fail when the solved plan differs from the checked-in one)");

    /// <summary>PC0095: the plan class name is not a C# identifier.</summary>
    public static readonly DiagnosticDescriptor TaskInvalidClassName = new(
        "PC0095", DiagnosticSeverity.Error, "Invalid class name",
        "the class name '{0}' of PartitionModel '{1}' is not a C# identifier; set the item's ClassName metadata to one (letters, digits and '_', not starting with a digit, not a keyword)");

    /// <summary>PC0096: the namespace is not a C# namespace.</summary>
    public static readonly DiagnosticDescriptor TaskInvalidNamespace = new(
        "PC0096", DiagnosticSeverity.Error, "Invalid namespace",
        "the namespace '{0}' of PartitionModel '{1}' is not a C# namespace; set the item's Namespace metadata (or RootNamespace) to dot-separated identifiers");

    /// <summary>PC0097: two models share a file name, hence a work folder.</summary>
    public static readonly DiagnosticDescriptor TaskDuplicateModelName = new(
        "PC0097", DiagnosticSeverity.Error, "Two models with one file name",
        "two PartitionModel items have the same model file name ({0}); each model gets its work folder obj/.../partition/<file name>/, so rename one of the model files");

    /// <summary>PC0098: two models would write one plan file.</summary>
    public static readonly DiagnosticDescriptor TaskDuplicatePlan = new(
        "PC0098", DiagnosticSeverity.Error, "Two models with one plan",
        "two PartitionModel items would write the same plan file ({0}); give each item its own Plan metadata, e.g. Plan=\"detector.plan.json\" for models/detector.onnx");

    /// <summary>PC0099: the CLI failed without a diagnostic (or succeeded without its outputs list).</summary>
    public static readonly DiagnosticDescriptor TaskCliFailed = new(
        "PC0099", DiagnosticSeverity.Error, "partc failed without a diagnostic",
        "partc exited with code {0} without reporting an error; run the command shown above (build with -v:n to see it) by hand to see its output, and report it if it keeps failing");
}
