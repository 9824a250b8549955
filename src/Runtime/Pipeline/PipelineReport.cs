using System.Globalization;
using System.Text;

namespace PartitionCompiler.Runtime.Pipeline;

/// <summary>Measured versus predicted times of one pipeline run, per stage and per transfer.</summary>
/// <param name="PlanName">The plan's name.</param>
/// <param name="Stages">The stages, in run order.</param>
/// <param name="Transfers">The transfers, in run order (input and output transfers included).</param>
/// <param name="TotalMeasuredMs">The measured wall time of the whole run in milliseconds.</param>
/// <param name="PredictedLatencyMs">The plan's predicted latency in milliseconds.</param>
public sealed record PipelineReport(
    string PlanName,
    IReadOnlyList<StageTiming> Stages,
    IReadOnlyList<TransferTiming> Transfers,
    double TotalMeasuredMs,
    double PredictedLatencyMs)
{
    /// <summary>A fixed-width text table (invariant culture, <c>\n</c> line endings), one row per stage and transfer.</summary>
    /// <returns>The table.</returns>
    public string ToTable()
    {
        var rows = new List<string[]> { Header() };
        foreach (StageTiming s in Stages)
        {
            rows.Add([$"stage {s.Index}", s.Device, string.Empty, Ms(s.MeasuredMs), Ms(s.PredictedMs), Ratio(s.MeasuredMs, s.PredictedMs)]);
        }

        foreach (TransferTiming t in Transfers)
        {
            rows.Add([
                "transfer " + t.Label, t.Link, t.Bytes.ToString(CultureInfo.InvariantCulture),
                Ms(t.MeasuredMs), Ms(t.PredictedMs), Ratio(t.MeasuredMs, t.PredictedMs),
            ]);
        }

        rows.Add(["total", PlanName, string.Empty, Ms(TotalMeasuredMs), Ms(PredictedLatencyMs), Ratio(TotalMeasuredMs, PredictedLatencyMs)]);
        int[] widths = [.. Enumerable.Range(0, rows[0].Length).Select(c => rows.Max(r => r[c].Length))];
        var text = new StringBuilder();
        foreach (string[] row in rows)
        {
            for (int c = 0; c < row.Length; c++)
            {
                // Text columns align left, numbers right.
                string cell = c < 2 ? row[c].PadRight(widths[c]) : row[c].PadLeft(widths[c]);
                text.Append(cell);
                text.Append(c + 1 < row.Length ? "  " : "\n");
            }
        }

        return text.ToString();
    }

    /// <inheritdoc cref="ToTable"/>
    public override string ToString() => ToTable();

    private static string[] Header() => ["step", "where", "bytes", "measured ms", "predicted ms", "ratio"];

    private static string Ms(double ms) => ms.ToString("0.000", CultureInfo.InvariantCulture);

    private static string Ratio(double measured, double predicted) =>
        predicted > 0 ? (measured / predicted).ToString("0.00", CultureInfo.InvariantCulture) : "-";
}
