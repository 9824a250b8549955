namespace PartitionCompiler.Cli.Planning;

/// <summary>What a run did with the plan file.</summary>
internal enum PlanFileState
{
    /// <summary>Update mode: the plan changed (or was missing) and was written.</summary>
    Written,

    /// <summary>Update mode: the plan on disk already equals the solved plan as JSON; it was not touched.</summary>
    Unchanged,

    /// <summary>Locked mode: the plan on disk equals the solved plan.</summary>
    Matched,
}
