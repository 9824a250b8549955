namespace PartitionCompiler.Partitioning.Diagnostics;

// PC05xx: the plan lock and the files a run writes. Keep codes in order; never reuse a retired code.
public static partial class DiagnosticCatalog
{
    /// <summary>PC0500: <c>the plan file is not valid JSON or not a valid plan: {0}</c></summary>
    public static readonly DiagnosticDescriptor InvalidPlanFile = new(
        "PC0500", DiagnosticSeverity.Error, "Invalid plan file",
        "the plan file is not valid JSON or not a valid plan: {0}; regenerate it with 'partc plan' (or a build in Update mode) instead of editing it by hand");

    /// <summary>PC0501: <c>plan '{0}' is out of date: at {1} {2}...</c> (locked mode, drift).</summary>
    public static readonly DiagnosticDescriptor PlanDrift = new(
        "PC0501", DiagnosticSeverity.Error, "Plan out of date (locked mode)",
        "plan '{0}' is out of date: at {1} {2}; locked mode (PartitionPlanMode=Locked, the default when ContinuousIntegrationBuild=true) never rewrites the plan, so build once with PartitionPlanMode=Update (or run 'partc plan' with --mode update) and commit the plan");

    /// <summary>PC0502: <c>plan '{0}' does not exist...</c> (locked mode, nothing to compare with).</summary>
    public static readonly DiagnosticDescriptor PlanMissing = new(
        "PC0502", DiagnosticSeverity.Error, "Plan missing (locked mode)",
        "plan '{0}' does not exist; locked mode (PartitionPlanMode=Locked, the default when ContinuousIntegrationBuild=true) only compares the solved plan with the committed one, so build once with PartitionPlanMode=Update (or run 'partc plan' with --mode update) and commit the plan");

    /// <summary>PC0503: <c>cannot {0} '{1}': {2}...</c> (a file of the run cannot be read, written or deleted).</summary>
    public static readonly DiagnosticDescriptor OutputFileAccess = new(
        "PC0503", DiagnosticSeverity.Error, "Output file not accessible",
        "cannot {0} '{1}': {2}; check that the folder exists and is writable and that no other process holds the file");
}
