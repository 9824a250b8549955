namespace PartitionCompiler.Partitioning.Manifest;

/// <summary>Which values a manifest quantity may take.</summary>
internal enum QuantityRange
{
    /// <summary>Greater than zero (rates, compute, memory, channel terms).</summary>
    Positive,

    /// <summary>Zero or more (latency, power).</summary>
    NonNegative,
}
