using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Text.Json;
using PartitionCompiler.OnnxSplitter.Verification;
using PartitionCompiler.Partitioning.Diagnostics;

namespace PartitionCompiler.Cli.Commands;

/// <summary>
/// <c>partc verify PLAN [--stages DIR] [--runs N] [--seed S] [--rtol R] [--atol A] [--json]</c>: runs the original model
/// and the plan's stage chain on the same seeded random inputs with ONNX Runtime and compares every tensor that crosses
/// a cut and every graph output (docs/verify.md). Prints one row per tensor (max abs and max rel error) and the stage
/// timings; exits 1 when anything is over tolerance or cannot run.
/// </summary>
internal static class VerifyCommand
{
    public static Command Create(CliConsole console)
    {
        var defaults = new VerificationOptions();
        var plan = new Argument<string>("PLAN") { Description = "The plan file (e.g. detector.plan.json); its model path is relative to it." };
        var stages = new Option<string?>("--stages")
        {
            Description = "The partitions root the stage files' paths are relative to (default: the plan's folder).",
            HelpName = "DIR",
        };
        var runs = new Option<int>("--runs") { Description = "Random inputs to try.", HelpName = "N", DefaultValueFactory = _ => defaults.Runs };
        var seed = new Option<int>("--seed") { Description = "Seed of the random inputs.", HelpName = "S", DefaultValueFactory = _ => defaults.Seed };
        var rtol = new Option<double>("--rtol")
        {
            Description = "Relative tolerance: pass iff max abs error <= atol + rtol * max|ref|.",
            HelpName = "R",
            DefaultValueFactory = _ => defaults.Rtol,
        };
        var atol = new Option<double>("--atol") { Description = "Absolute tolerance.", HelpName = "A", DefaultValueFactory = _ => defaults.Atol };
        var json = new Option<bool>("--json") { Description = "Print the results as one JSON document instead of the tables." };
        runs.Validators.Add(r => Require(r, r.GetValueOrDefault<int>() >= 1, "--runs must be at least 1"));
        rtol.Validators.Add(r => Require(r, IsTolerance(r.GetValueOrDefault<double>()), "--rtol must be a finite number of 0 or more"));
        atol.Validators.Add(r => Require(r, IsTolerance(r.GetValueOrDefault<double>()), "--atol must be a finite number of 0 or more"));

        var command = new Command("verify", "Runs the original model and the stage chain on the same seeded random inputs with ONNX Runtime and compares every tensor that crosses a cut and every graph output.")
        {
            plan,
            stages,
            runs,
            seed,
            rtol,
            atol,
            json,
        };
        command.SetAction(parsed => Run(
            console,
            parsed.GetValue(plan)!,
            parsed.GetValue(stages),
            new VerificationOptions { Runs = parsed.GetValue(runs), Seed = parsed.GetValue(seed), Rtol = parsed.GetValue(rtol), Atol = parsed.GetValue(atol) },
            parsed.GetValue(json)));
        return command;
    }

    private static bool IsTolerance(double value) => double.IsFinite(value) && value >= 0;

    private static void Require(OptionResult result, bool condition, string message)
    {
        if (!condition)
        {
            result.AddError(message);
        }
    }

    private static int Run(CliConsole console, string planPath, string? stagesRoot, VerificationOptions options, bool json)
    {
        var diagnostics = new DiagnosticBag();
        var report = PlanVerifier.VerifyPlanFile(planPath, stagesRoot, options, diagnostics);
        DiagnosticPrinter.Print(console, diagnostics.Items);
        if (report is null)
        {
            return PartcApp.Failure;
        }

        if (json)
        {
            WriteJson(report, planPath, console);
        }
        else
        {
            WriteTables(report, planPath, console);
        }

        return report.Passed && !diagnostics.HasErrors ? PartcApp.Success : PartcApp.Failure;
    }

    private static void WriteTables(VerificationReport report, string planPath, CliConsole console)
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

        Render(tensors, console);
        output.Write('\n');

        var timings = new TextTable().Left("model").Left("device").Right("load (ms)").Right("run (ms, median)");
        timings.Add("original", "", Milliseconds(report.Original.LoadMs), Milliseconds(report.Original.RunMs));
        foreach (var stage in report.Stages)
        {
            timings.Add("stage " + stage.Stage.ToString(CultureInfo.InvariantCulture), stage.Device, Milliseconds(stage.LoadMs), Milliseconds(stage.RunMs));
        }

        Render(timings, console);
        int failed = report.Tensors.Count(t => !t.Passed);
        output.Write(failed == 0
            ? string.Create(CultureInfo.InvariantCulture, $"\nverified: {report.Tensors.Count} tensor(s) within tolerance (worst max abs {Number(report.WorstAbs)}, max rel {Number(report.WorstRel)})\n")
            : string.Create(CultureInfo.InvariantCulture, $"\nFAILED: {failed} of {report.Tensors.Count} tensor(s) differ from the original\n"));
    }

    /// <summary>Writes a table without its blank first and last lines and without trailing spaces.</summary>
    private static void Render(TextTable table, CliConsole console)
    {
        var lines = table.Render(console.IsTerminal).Split('\n').Select(l => l.TrimEnd()).ToList();
        int first = lines.FindIndex(l => l.Length > 0);
        int last = lines.FindLastIndex(l => l.Length > 0);
        console.Output.Write(string.Join('\n', lines.Skip(first).Take(last - first + 1)) + "\n");
    }

    private static void WriteJson(VerificationReport report, string planPath, CliConsole console)
    {
        JsonOutput.Write(console, json =>
        {
            json.WriteStartObject();
            json.WriteString("plan", planPath.Replace('\\', '/'));
            json.WriteBoolean("passed", report.Passed);
            json.WriteNumber("runs", report.Options.Runs);
            json.WriteNumber("seed", report.Options.Seed);
            json.WriteNumber("rtol", report.Options.Rtol);
            json.WriteNumber("atol", report.Options.Atol);
            json.WriteStartArray("tensors");
            foreach (var check in report.Tensors)
            {
                json.WriteStartObject();
                json.WriteString("name", check.Name);
                json.WriteNumber("fromStage", check.FromStage);
                json.WriteStartArray("to");
                foreach (int stage in check.ToStages)
                {
                    json.WriteNumberValue(stage);
                }

                if (check.IsGraphOutput)
                {
                    json.WriteStringValue("output");
                }

                json.WriteEndArray();
                json.WriteString("type", check.Type);
                Finite(json, "maxAbs", check.MaxAbs);
                Finite(json, "maxRel", check.MaxRel);
                Finite(json, "maxRef", check.MaxRef);
                json.WriteBoolean("passed", check.Passed);
                if (check.Problem is { } problem)
                {
                    json.WriteString("problem", problem);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartObject("timings");
            json.WriteStartObject("original");
            json.WriteNumber("loadMs", Math.Round(report.Original.LoadMs, 3));
            json.WriteNumber("runMs", Math.Round(report.Original.RunMs, 3));
            json.WriteEndObject();
            json.WriteStartArray("stages");
            foreach (var stage in report.Stages)
            {
                json.WriteStartObject();
                json.WriteNumber("index", stage.Stage);
                json.WriteString("device", stage.Device);
                json.WriteNumber("loadMs", Math.Round(stage.LoadMs, 3));
                json.WriteNumber("runMs", Math.Round(stage.RunMs, 3));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
        });
    }

    /// <summary>A number, or null where it is not finite (JSON has no infinity).</summary>
    private static void Finite(Utf8JsonWriter json, string name, double value)
    {
        if (double.IsFinite(value))
        {
            json.WriteNumber(name, value);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static string Number(double value) => value.ToString("G4", CultureInfo.InvariantCulture);

    private static string Milliseconds(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);
}
