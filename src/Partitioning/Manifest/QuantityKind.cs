namespace PartitionCompiler.Partitioning.Manifest;

/// <summary>What a manifest quantity measures; each kind has its own units and base unit (see docs/manifest.md).</summary>
public enum QuantityKind
{
    /// <summary>Compute speed; base unit FLOP/s.</summary>
    ComputeRate,

    /// <summary>A size; base unit bytes.</summary>
    Bytes,

    /// <summary>A link's data rate; base unit bytes per second (bit rates are divided by 8).</summary>
    DataRate,

    /// <summary>A duration; base unit seconds.</summary>
    Time,

    /// <summary>A channel width; base unit hertz.</summary>
    Frequency,

    /// <summary>A power draw; base unit watts.</summary>
    Power,
}
