using System.CommandLine;
using System.CommandLine.Parsing;
using PartitionCompiler.Cli.Verify;
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
            VerifyJsonWriter.Write(report, planPath, console);
        }
        else
        {
            VerifyTableWriter.Write(report, planPath, console);
        }

        return report.Passed && !diagnostics.HasErrors ? PartcApp.Success : PartcApp.Failure;
    }
}
