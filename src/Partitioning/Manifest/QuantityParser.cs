using System.Globalization;
using System.Text.RegularExpressions;

namespace PartitionCompiler.Partitioning.Manifest;

/// <summary>
/// Reads quantity strings such as <c>40 GFLOP/s</c>, <c>256 MiB</c>, <c>20 Mbit/s</c>, <c>3 ms</c>, <c>5 MHz</c> or
/// <c>300 mW</c> into base units (FLOP/s, bytes, bytes/s, seconds, Hz, watts), with the units of
/// <see cref="QuantityUnits"/>. The number uses the invariant culture (a dot for decimals, optional exponent); space
/// between number and unit is optional. The sign is kept, so that range checks can report negative values.
/// </summary>
internal static partial class QuantityParser
{
    /// <summary>Parses <paramref name="text"/> as a quantity of <paramref name="kind"/>.</summary>
    public static QuantityParseResult Parse(string text, QuantityKind kind)
    {
        var match = QuantityShape().Match(text);
        if (!match.Success)
        {
            return new QuantityParseResult(QuantityParseStatus.Malformed, double.NaN, string.Empty, null);
        }

        double number = double.Parse(match.Groups["number"].Value, NumberStyles.Float, CultureInfo.InvariantCulture);
        string symbol = match.Groups["unit"].Value;
        if (!double.IsFinite(number))
        {
            return new QuantityParseResult(QuantityParseStatus.Malformed, double.NaN, symbol, null);
        }

        if (symbol.Length == 0)
        {
            return new QuantityParseResult(QuantityParseStatus.MissingUnit, number, symbol, null);
        }

        var unit = QuantityUnits.Find(kind, symbol);
        if (unit is null)
        {
            return new QuantityParseResult(QuantityParseStatus.UnknownUnit, double.NaN, symbol, HintFor(kind, symbol));
        }

        double value = unit.ToBase(number);
        return double.IsFinite(value)
            ? new QuantityParseResult(QuantityParseStatus.Ok, value, symbol, null)
            : new QuantityParseResult(QuantityParseStatus.Malformed, double.NaN, symbol, null);
    }

    /// <summary>A suggestion for a unit the kind does not know, or null.</summary>
    internal static string? HintFor(QuantityKind kind, string symbol)
    {
        // Lowercase b for bits (Mb/s, Mbit) is a convention many people do not know: never guess.
        if (kind == QuantityKind.DataRate && BitOrByteAmbiguous().IsMatch(symbol))
        {
            string prefix = symbol[..^3] == "K" ? "k" : symbol[..^3];
            return $"'{symbol}' is ambiguous: write '{prefix}bit/s' for bits or '{prefix}B/s' for bytes per second";
        }

        if (kind is QuantityKind.Bytes or QuantityKind.DataRate && symbol.StartsWith("KB", StringComparison.Ordinal))
        {
            string rest = symbol[2..];
            return $"write 'kB{rest}' for 1000 bytes or 'KiB{rest}' for 1024 bytes";
        }

        var caseless = QuantityUnits.For(kind)
            .Where(u => string.Equals(u.Symbol, symbol, StringComparison.OrdinalIgnoreCase))
            .ToList();
        if (caseless.Count == 1)
        {
            return $"did you mean '{caseless[0].Symbol}'? Unit symbols are case-sensitive";
        }

        if (caseless.Count > 1)
        {
            return $"did you mean {string.Join(" or ", caseless.Select(u => $"'{u.Symbol}'"))}? Unit symbols are case-sensitive";
        }

        foreach (var other in QuantityUnits.Kinds)
        {
            if (other != kind && QuantityUnits.Find(other, symbol) is not null)
            {
                return $"'{symbol}' measures {QuantityUnits.Describe(other)}, not {QuantityUnits.Describe(kind)}";
            }
        }

        return null;
    }

    [GeneratedRegex(@"^\s*(?<number>[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?)\s*(?<unit>.*?)\s*$", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex QuantityShape();

    [GeneratedRegex(@"^[kKMGT]?b/s$", RegexOptions.CultureInvariant)]
    private static partial Regex BitOrByteAmbiguous();
}
