namespace PartitionCompiler.Partitioning.Manifest;

/// <summary>
/// A quantity read from text: its value in base units when <see cref="Status"/> is <see cref="QuantityParseStatus.Ok"/>,
/// else what went wrong (<see cref="Unit"/> is the unit as written, <see cref="Hint"/> a suggestion or null).
/// </summary>
internal readonly record struct QuantityParseResult(QuantityParseStatus Status, double Value, string Unit, string? Hint)
{
    public bool IsOk => Status == QuantityParseStatus.Ok;
}
