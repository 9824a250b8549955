using System.Globalization;
using PartitionCompiler.OnnxSplitter.Verification;

namespace PartitionCompiler.Cli.Verify;

/// <summary>
/// Writes <c>partc verify</c>'s tables: the plan and tolerance, one row per compared tensor (route, max abs and max rel
/// error, result), the load and median run times of the original model and of every stage, and a closing verdict.
/// </summary>
internal static class VerifyTableWriter
{
    public static void Write(VerificationReport report, string planPath, CliConsole console)
    {
        var output = console.Output;
        var options = report.Options;
        output.Write($"plan       {planPath.Replace('\\', '/')}\n");
        output.Write(string.Create(CultureInfo.InvariantCulture,
            $"inputs     {options.Runs} seeded random input(s), seed {options.Seed}\n"));
        output.Write(string.Create(CultureInfo.InvariantCulture,
            $"tolerance  max abs error <= {Number(options.Atol)} + {Number(options.Rtol)} * max|ref|, NaN and infinities at the same places\n\n"));

        var tensors = new TextTable().Left("tensor").Left("route").Left("type").Right("max abs").Right("max rel").Left("result");
        foreach (var check in report.Tensors)
        {
            tensors.Add(check.Name, check.Route, check.Type, Number(check.MaxAbs), Number(check.MaxRel), check.Passed ? "ok" : "FAILED: " + check.Problem);
        }

        tensors.RenderCompact(console);
        output.Write('\n');

        var timings = new TextTable().Left("model").Left("device").Right("load (ms)").Right("run (ms, median)");
        timings.Add("original", "", Milliseconds(report.Original.LoadMs), Milliseconds(report.Original.RunMs));
        foreach (var stage in report.Stages)
        {
            timings.Add("stage " + stage.Stage.ToString(CultureInfo.InvariantCulture), stage.Device, Milliseconds(stage.LoadMs), Milliseconds(stage.RunMs));
        }

        timings.RenderCompact(console);
        int failed = report.Tensors.Count(t => !t.Passed);
        output.Write(failed == 0
            ? string.Create(CultureInfo.InvariantCulture, $"\nverified: {report.Tensors.Count} tensor(s) within tolerance (worst max abs {Number(report.WorstAbs)}, max rel {Number(report.WorstRel)})\n")
            : string.Create(CultureInfo.InvariantCulture, $"\nFAILED: {failed} of {report.Tensors.Count} tensor(s) differ from the original\n"));
    }

    private static string Number(double value) => value.ToString("G4", CultureInfo.InvariantCulture);

    private static string Milliseconds(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);
}
