namespace PartitionCompiler.Codegen.Spec;

/// <summary>What a device keeps from earlier in a run, and what generated glue can take a tensor from.</summary>
public enum HolderKind
{
    /// <summary>The plan's <c>GraphInputs</c> record: what the source device starts with.</summary>
    GraphInputs,

    /// <summary>A stage's <c>Arrival</c>: its typed inputs and every tensor that arrived for it.</summary>
    Arrival,

    /// <summary>A stage's <c>Outputs</c> record.</summary>
    Outputs,
}
