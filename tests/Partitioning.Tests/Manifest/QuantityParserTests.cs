using PartitionCompiler.Partitioning.Manifest;

namespace PartitionCompiler.Partitioning.Tests.Manifest;

public class QuantityParserTests
{
    /// <summary>Every accepted unit and what one of it is in base units, written out independently of the table.</summary>
    public static TheoryData<QuantityKind, string, double> EveryUnit => new()
    {
        { QuantityKind.ComputeRate, "FLOP/s", 1 },
        { QuantityKind.ComputeRate, "kFLOP/s", 1e3 },
        { QuantityKind.ComputeRate, "MFLOP/s", 1e6 },
        { QuantityKind.ComputeRate, "GFLOP/s", 1e9 },
        { QuantityKind.ComputeRate, "TFLOP/s", 1e12 },
        { QuantityKind.ComputeRate, "PFLOP/s", 1e15 },
        { QuantityKind.ComputeRate, "FLOPS", 1 },
        { QuantityKind.ComputeRate, "kFLOPS", 1e3 },
        { QuantityKind.ComputeRate, "MFLOPS", 1e6 },
        { QuantityKind.ComputeRate, "GFLOPS", 1e9 },
        { QuantityKind.ComputeRate, "TFLOPS", 1e12 },
        { QuantityKind.ComputeRate, "PFLOPS", 1e15 },
        { QuantityKind.Bytes, "B", 1 },
        { QuantityKind.Bytes, "kB", 1000 },
        { QuantityKind.Bytes, "MB", 1000 * 1000 },
        { QuantityKind.Bytes, "GB", 1e9 },
        { QuantityKind.Bytes, "TB", 1e12 },
        { QuantityKind.Bytes, "KiB", 1024 },
        { QuantityKind.Bytes, "MiB", 1024 * 1024 },
        { QuantityKind.Bytes, "GiB", 1024L * 1024 * 1024 },
        { QuantityKind.Bytes, "TiB", 1024L * 1024 * 1024 * 1024 },
        { QuantityKind.DataRate, "B/s", 1 },
        { QuantityKind.DataRate, "kB/s", 1000 },
        { QuantityKind.DataRate, "MB/s", 1e6 },
        { QuantityKind.DataRate, "GB/s", 1e9 },
        { QuantityKind.DataRate, "TB/s", 1e12 },
        { QuantityKind.DataRate, "KiB/s", 1024 },
        { QuantityKind.DataRate, "MiB/s", 1024 * 1024 },
        { QuantityKind.DataRate, "GiB/s", 1024L * 1024 * 1024 },
        { QuantityKind.DataRate, "bit/s", 0.125 },
        { QuantityKind.DataRate, "kbit/s", 125 },
        { QuantityKind.DataRate, "Mbit/s", 125_000 },
        { QuantityKind.DataRate, "Gbit/s", 125_000_000 },
        { QuantityKind.DataRate, "Tbit/s", 125_000_000_000 },
        { QuantityKind.DataRate, "bps", 0.125 },
        { QuantityKind.DataRate, "kbps", 125 },
        { QuantityKind.DataRate, "Mbps", 125_000 },
        { QuantityKind.DataRate, "Gbps", 125_000_000 },
        { QuantityKind.DataRate, "Tbps", 125_000_000_000 },
        { QuantityKind.Time, "s", 1 },
        { QuantityKind.Time, "ms", 0.001 },
        { QuantityKind.Time, "us", 0.000001 },
        { QuantityKind.Time, "\u00b5s", 0.000001 },
        { QuantityKind.Time, "\u03bcs", 0.000001 },
        { QuantityKind.Time, "ns", 0.000000001 },
        { QuantityKind.Frequency, "Hz", 1 },
        { QuantityKind.Frequency, "kHz", 1e3 },
        { QuantityKind.Frequency, "MHz", 1e6 },
        { QuantityKind.Frequency, "GHz", 1e9 },
        { QuantityKind.Power, "W", 1 },
        { QuantityKind.Power, "kW", 1000 },
        { QuantityKind.Power, "mW", 0.001 },
        { QuantityKind.Power, "uW", 0.000001 },
        { QuantityKind.Power, "\u00b5W", 0.000001 },
        { QuantityKind.Power, "\u03bcW", 0.000001 },
        { QuantityKind.Power, "nW", 0.000000001 },
    };

    [Theory]
    [MemberData(nameof(EveryUnit))]
    public void Every_unit_converts_to_base_units(QuantityKind kind, string unit, double basePerUnit)
    {
        foreach (double number in new[] { 1, 2.5, 0.125, 1e-3, 7e4 })
        {
            var result = QuantityParser.Parse($"{number.ToString("R", System.Globalization.CultureInfo.InvariantCulture)} {unit}", kind);
            Assert.Equal(QuantityParseStatus.Ok, result.Status);
            Assert.Equal(number * basePerUnit, result.Value, 1e-12 * Math.Max(1, number * basePerUnit));
        }
    }

    [Fact]
    public void The_table_holds_exactly_the_tested_units()
    {
        var tested = EveryUnit.Select(row => ((QuantityKind)row.Data.Item1, (string)row.Data.Item2)).Order().ToList();
        var table = QuantityUnits.Kinds.SelectMany(k => QuantityUnits.For(k).Select(u => (k, u.Symbol))).Order().ToList();
        Assert.Equal(tested, table);
    }

    [Theory]
    [InlineData("2.23e8 FLOP/s", QuantityKind.ComputeRate, 2.23e8)]
    [InlineData("40 GFLOP/s", QuantityKind.ComputeRate, 40e9)]
    [InlineData("1.5 TFLOP/s", QuantityKind.ComputeRate, 1.5e12)]
    [InlineData("256 MiB", QuantityKind.Bytes, 268435456)]
    [InlineData("4 GiB", QuantityKind.Bytes, 4294967296)]
    [InlineData("512 kB", QuantityKind.Bytes, 512000)]
    [InlineData("1.3 MB", QuantityKind.Bytes, 1300000)]
    [InlineData("20 Mbit/s", QuantityKind.DataRate, 2500000)]
    [InlineData("1.3 MB/s", QuantityKind.DataRate, 1300000)]
    [InlineData("100 kbit/s", QuantityKind.DataRate, 12500)]
    [InlineData("1 Gbps", QuantityKind.DataRate, 125000000)]
    [InlineData("4 ms", QuantityKind.Time, 0.004)]
    [InlineData("3 us", QuantityKind.Time, 3e-6)]
    [InlineData("3 \u00b5s", QuantityKind.Time, 3e-6)]
    [InlineData("1.5 s", QuantityKind.Time, 1.5)]
    [InlineData("5 MHz", QuantityKind.Frequency, 5e6)]
    [InlineData("0.1 W", QuantityKind.Power, 0.1)]
    [InlineData("300 mW", QuantityKind.Power, 0.3)]
    public void The_examples_of_the_manifest_docs_parse(string text, QuantityKind kind, double expected)
    {
        var result = QuantityParser.Parse(text, kind);
        Assert.True(result.IsOk);
        Assert.Equal(expected, result.Value, expected * 1e-15);
    }

    [Theory]
    [InlineData("40GFLOP/s", 40e9)]
    [InlineData("  40   GFLOP/s  ", 40e9)]
    [InlineData("4e1 GFLOP/s", 40e9)]
    [InlineData("4E+1 GFLOP/s", 40e9)]
    [InlineData("+40 GFLOP/s", 40e9)]
    [InlineData(".5 GFLOP/s", 0.5e9)]
    [InlineData("5. GFLOP/s", 5e9)]
    [InlineData("-2 GFLOP/s", -2e9)]
    [InlineData("40\u00a0GFLOP/s", 40e9)]
    public void Number_forms_and_spacing_are_flexible(string text, double expected)
    {
        var result = QuantityParser.Parse(text, QuantityKind.ComputeRate);
        Assert.True(result.IsOk, result.ToString());
        Assert.Equal(expected, result.Value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("GFLOP/s")]
    [InlineData("fast")]
    [InlineData("1,5 GFLOP/s")]
    [InlineData("NaN GFLOP/s")]
    [InlineData("Infinity GFLOP/s")]
    [InlineData("0x10 GFLOP/s")]
    [InlineData("1e999 GFLOP/s")]
    public void Text_without_a_leading_number_is_malformed(string text)
    {
        var result = QuantityParser.Parse(text, QuantityKind.ComputeRate);
        Assert.False(result.IsOk);
        Assert.Contains(result.Status, new[] { QuantityParseStatus.Malformed, QuantityParseStatus.UnknownUnit });
        Assert.True(double.IsNaN(result.Value));
    }

    [Fact]
    public void A_number_without_a_unit_in_a_string_is_reported_as_missing_unit()
    {
        var result = QuantityParser.Parse("40", QuantityKind.DataRate);
        Assert.Equal(QuantityParseStatus.MissingUnit, result.Status);
    }

    [Theory]
    [InlineData(QuantityKind.DataRate, "Mb/s", "Mbit/s")]
    [InlineData(QuantityKind.DataRate, "kb/s", "kbit/s")]
    [InlineData(QuantityKind.DataRate, "Kb/s", "kB/s")]
    [InlineData(QuantityKind.DataRate, "b/s", "bit/s")]
    [InlineData(QuantityKind.Bytes, "KB", "KiB")]
    [InlineData(QuantityKind.DataRate, "KB/s", "KiB/s")]
    [InlineData(QuantityKind.Frequency, "mhz", "MHz")]
    [InlineData(QuantityKind.ComputeRate, "gflop/s", "GFLOP/s")]
    [InlineData(QuantityKind.DataRate, "MB", "a size")]
    [InlineData(QuantityKind.Bytes, "MB/s", "a data rate")]
    [InlineData(QuantityKind.Power, "ms", "a time")]
    public void Unknown_units_come_with_a_hint(QuantityKind kind, string unit, string hintContains)
    {
        var result = QuantityParser.Parse($"3 {unit}", kind);
        Assert.Equal(QuantityParseStatus.UnknownUnit, result.Status);
        Assert.Equal(unit, result.Unit);
        Assert.NotNull(result.Hint);
        Assert.Contains(hintContains, result.Hint, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(QuantityKind.Bytes, "Mbit")]
    [InlineData(QuantityKind.Bytes, "mb")]
    [InlineData(QuantityKind.Power, "MW")]
    [InlineData(QuantityKind.Time, "S")]
    [InlineData(QuantityKind.DataRate, "MBps")]
    public void Bits_bytes_and_prefix_case_are_never_guessed(QuantityKind kind, string unit)
    {
        Assert.Equal(QuantityParseStatus.UnknownUnit, QuantityParser.Parse($"1 {unit}", kind).Status);
    }

    [Fact]
    public void Bits_and_bytes_differ_by_eight()
    {
        double bits = QuantityParser.Parse("8 Mbit/s", QuantityKind.DataRate).Value;
        double bytes = QuantityParser.Parse("1 MB/s", QuantityKind.DataRate).Value;
        Assert.Equal(bytes, bits);
    }
}
