using System.Collections.Immutable;
using System.Text;

namespace PartitionCompiler.Partitioning.Manifest;

/// <summary>
/// The unit table of manifest quantities (docs/manifest.md shows it). Symbols are case-sensitive, as SI prefixes are
/// (<c>m</c> is milli, <c>M</c> is mega). Decimal prefixes (k, M, G, T) are powers of 1000, binary ones (Ki, Mi, Gi, Ti)
/// powers of 1024. Bits are always spelt <c>bit</c> or <c>bps</c> and bytes <c>B</c>; the ambiguous <c>Mb/s</c> is
/// refused rather than guessed.
/// </summary>
internal static class QuantityUnits
{
    private const double Kilo = 1e3, Mega = 1e6, Giga = 1e9, Tera = 1e12, Peta = 1e15;
    private const double Kibi = 1024, Mebi = 1024.0 * 1024, Gibi = 1024.0 * 1024 * 1024, Tebi = 1024.0 * 1024 * 1024 * 1024;

    private static readonly ImmutableDictionary<QuantityKind, ImmutableArray<QuantityUnit>> Table =
        new Dictionary<QuantityKind, ImmutableArray<QuantityUnit>>
        {
            [QuantityKind.ComputeRate] =
            [
                U("FLOP/s"), U("kFLOP/s", Kilo), U("MFLOP/s", Mega), U("GFLOP/s", Giga), U("TFLOP/s", Tera), U("PFLOP/s", Peta),
                U("FLOPS"), U("kFLOPS", Kilo), U("MFLOPS", Mega), U("GFLOPS", Giga), U("TFLOPS", Tera), U("PFLOPS", Peta),
            ],
            [QuantityKind.Bytes] =
            [
                U("B"), U("kB", Kilo), U("MB", Mega), U("GB", Giga), U("TB", Tera),
                U("KiB", Kibi), U("MiB", Mebi), U("GiB", Gibi), U("TiB", Tebi),
            ],
            [QuantityKind.DataRate] =
            [
                U("B/s"), U("kB/s", Kilo), U("MB/s", Mega), U("GB/s", Giga), U("TB/s", Tera),
                U("KiB/s", Kibi), U("MiB/s", Mebi), U("GiB/s", Gibi),
                U("bit/s", 1, 8), U("kbit/s", Kilo, 8), U("Mbit/s", Mega, 8), U("Gbit/s", Giga, 8), U("Tbit/s", Tera, 8),
                U("bps", 1, 8), U("kbps", Kilo, 8), U("Mbps", Mega, 8), U("Gbps", Giga, 8), U("Tbps", Tera, 8),
            ],
            [QuantityKind.Time] =
            [
                U("s"), U("ms", 1, Kilo), U("us", 1, Mega), U("\u00b5s", 1, Mega), U("\u03bcs", 1, Mega), U("ns", 1, Giga),
            ],
            [QuantityKind.Frequency] =
            [
                U("Hz"), U("kHz", Kilo), U("MHz", Mega), U("GHz", Giga),
            ],
            [QuantityKind.Power] =
            [
                U("W"), U("kW", Kilo), U("mW", 1, Kilo), U("uW", 1, Mega), U("\u00b5W", 1, Mega), U("\u03bcW", 1, Mega), U("nW", 1, Giga),
            ],
        }.ToImmutableDictionary();

    /// <summary>Every kind, in declaration order.</summary>
    public static ImmutableArray<QuantityKind> Kinds { get; } =
        [QuantityKind.ComputeRate, QuantityKind.Bytes, QuantityKind.DataRate, QuantityKind.Time, QuantityKind.Frequency, QuantityKind.Power];

    /// <summary>The units a kind accepts, in table order.</summary>
    public static ImmutableArray<QuantityUnit> For(QuantityKind kind) => Table[kind];

    /// <summary>The unit with exactly this symbol, or null.</summary>
    public static QuantityUnit? Find(QuantityKind kind, string symbol)
    {
        foreach (var unit in Table[kind])
        {
            if (string.Equals(unit.Symbol, symbol, StringComparison.Ordinal))
            {
                return unit;
            }
        }

        return null;
    }

    /// <summary>How the kind reads in a message: "a compute rate", "a size"...</summary>
    public static string Describe(QuantityKind kind) => kind switch
    {
        QuantityKind.ComputeRate => "a compute rate",
        QuantityKind.Bytes => "a size",
        QuantityKind.DataRate => "a data rate",
        QuantityKind.Time => "a time",
        QuantityKind.Frequency => "a frequency",
        _ => "a power",
    };

    /// <summary>The base unit a plain number is read in.</summary>
    public static string BaseUnit(QuantityKind kind) => kind switch
    {
        QuantityKind.ComputeRate => "FLOP/s",
        QuantityKind.Bytes => "bytes",
        QuantityKind.DataRate => "bytes/s",
        QuantityKind.Time => "seconds",
        QuantityKind.Frequency => "Hz",
        _ => "watts",
    };

    /// <summary>An example quantity of the kind, for messages.</summary>
    public static string Example(QuantityKind kind) => kind switch
    {
        QuantityKind.ComputeRate => "40 GFLOP/s",
        QuantityKind.Bytes => "256 MiB",
        QuantityKind.DataRate => "20 Mbit/s",
        QuantityKind.Time => "3 ms",
        QuantityKind.Frequency => "5 MHz",
        _ => "300 mW",
    };

    /// <summary>The symbols of a kind joined for a message.</summary>
    public static string SymbolList(QuantityKind kind) => string.Join(", ", Table[kind].Select(u => u.Symbol));

    /// <summary>
    /// The ECMA-262 pattern a JSON Schema uses for a quantity string of this kind; the manifest schema holds exactly
    /// this text (a test checks it).
    /// </summary>
    public static string SchemaPattern(QuantityKind kind)
    {
        var builder = new StringBuilder(@"^\s*[+]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?\s*(");
        builder.AppendJoin('|', Table[kind].Select(u => u.Symbol));
        return builder.Append(@")\s*$").ToString();
    }

    private static QuantityUnit U(string symbol, double multiplier = 1, double divisor = 1) => new(symbol, multiplier, divisor);
}
