namespace PartitionCompiler.Partitioning.Graph;

/// <summary>
/// One dimension of a tensor shape: a known size, or symbolic (<see cref="Value"/> null) with an optional
/// parameter name from the model (<c>"batch"</c>, <c>"N"</c>). Symbolic dims print as <c>null</c> in JSON.
/// </summary>
public readonly record struct Dim(long? Value, string? Symbol = null)
{
    public bool IsKnown => Value.HasValue;

    public static Dim Known(long value) => new(value);

    public static Dim Symbolic(string? symbol = null) => new(null, symbol);

    public static implicit operator Dim(long value) => new(value);

    public override string ToString() => Value?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? Symbol ?? "?";
}
