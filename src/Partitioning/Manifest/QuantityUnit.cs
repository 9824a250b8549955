namespace PartitionCompiler.Partitioning.Manifest;

/// <summary>
/// A unit symbol and its conversion to the kind's base unit: base = value × <see cref="Multiplier"/> ÷
/// <see cref="Divisor"/> (both exact in binary floating point, so whole values convert with at most two roundings).
/// </summary>
internal sealed record QuantityUnit(string Symbol, double Multiplier, double Divisor)
{
    /// <summary>The value in base units of <paramref name="value"/> of this unit.</summary>
    public double ToBase(double value) => value * Multiplier / Divisor;
}
