namespace PartitionCompiler.Cli.Output;

/// <summary>
/// What <c>partc plan</c> does with the plan file (<c>--mode</c>; MSBuild's <c>PartitionPlanMode</c>).
/// </summary>
internal enum PlanMode
{
    /// <summary>Write the plan when it differs, as JSON values, from the one on disk; never rewrite an equal plan.</summary>
    Update,

    /// <summary>Never write the plan: compare the solved plan with the one on disk and fail on drift (PC0501) or
    /// when it is missing (PC0502), like NuGet's locked restore.</summary>
    Locked,
}
