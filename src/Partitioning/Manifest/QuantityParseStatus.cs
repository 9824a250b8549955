namespace PartitionCompiler.Partitioning.Manifest;

/// <summary>The outcome of reading a quantity string.</summary>
internal enum QuantityParseStatus
{
    /// <summary>A number and a known unit of the kind.</summary>
    Ok,

    /// <summary>The text does not start with a number.</summary>
    Malformed,

    /// <summary>A number without a unit: a string needs one (plain numbers are written as JSON numbers).</summary>
    MissingUnit,

    /// <summary>A number and a unit the kind does not accept.</summary>
    UnknownUnit,
}
