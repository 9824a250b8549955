namespace PartitionCompiler.Partitioning.Diagnostics;

// PC05xx: see DiagnosticCatalog.cs for the bands. Keep codes in order; never reuse a retired code.
public static partial class DiagnosticCatalog
{
    /// <summary>PC0500: <c>the plan file is not valid JSON or not a valid plan: {0}</c></summary>
    public static readonly DiagnosticDescriptor InvalidPlanFile = new(
        "PC0500", DiagnosticSeverity.Error, "Invalid plan file",
        "the plan file is not valid JSON or not a valid plan: {0}; regenerate it with 'partc plan' (or a build in Update mode) instead of editing it by hand");
}
