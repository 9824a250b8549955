using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using PartitionCompiler.Cli.Options;
using PartitionCompiler.Cli.Output;
using PartitionCompiler.Cli.Planning;
using PartitionCompiler.Codegen.Spec;
using PartitionCompiler.OnnxSplitter.Verification;
using PartitionCompiler.Partitioning.Diagnostics;
using PartitionCompiler.Partitioning.Manifest;

namespace PartitionCompiler.Cli.Commands;

/// <summary>
/// <c>partc plan MANIFEST [options]</c>: solves the partition and emits the plan, the stage models and (with
/// <c>--generated</c>) the C# stubs. The MSBuild task runs exactly this command; docs/cli.md lists every option.
/// </summary>
internal static class PlanCommand
{
    public static Command Create(CliConsole console)
    {
        var manifest = new Argument<string>("MANIFEST") { Description = "The device manifest (JSON; see docs/manifest.md)." };
        var model = PathOption("--model", "FILE", "The ONNX model (overrides the manifest's \"model\").");
        var outFolder = PathOption("--out", "DIR", "Where the plan and the stage models go: DIR/<plan name> and DIR/<device>/<model stem>.stage<N>.onnx (default: the manifest's folder).");
        var planFile = PathOption("--plan", "FILE", "The plan file (overrides DIR/<plan name>, where <plan name> is the manifest's name without .json and .devices, plus .plan.json).");
        var stages = PathOption("--stages", "DIR", "The partitions root: stage models go to DIR/<device>/ (overrides --out for them).");
        var generated = PathOption("--generated", "DIR", "Also emit C# (stage classes and transfer glue) into DIR.");
        var ns = new Option<string?>("--namespace") { Description = $"Namespace of the generated code (default {CodegenSpecBuilder.DefaultNamespace}).", HelpName = "NS" };
        var className = new Option<string?>("--class-name") { Description = "The generated plan class (default: PascalCase(model file stem) + Plan).", HelpName = "NAME" };
        var mode = new Option<PlanMode>("--mode")
        {
            Description = "update: write the plan when it changed; locked: compare with the plan on disk and fail on drift (PC0501) or when it is missing (PC0502), never writing it.",
            HelpName = "update|locked",
            CustomParser = ParseMode,
            DefaultValueFactory = _ => PlanMode.Update,
        };
        var outputsList = PathOption("--outputs-list", "FILE", "After success, write one 'kind<TAB>absolute path' line per file produced (plan, model, data, compile), last.");
        var alternatives = new Option<int?>("--alternatives", "-k")
        {
            Description = "K: the plans kept, the best and K-1 alternatives (overrides the manifest's \"alternatives\"; default 5).",
            HelpName = "K",
            CustomParser = ParseAlternatives,
        };
        var strategy = new Option<PartitionStrategy?>("--strategy")
        {
            Description = "auto|ksp|fused (overrides the manifest's \"strategy\"; auto means ksp for now).",
            HelpName = "auto|ksp|fused",
            CustomParser = ParseStrategy,
        };
        var inputs = InputPinOption.Create();
        inputs.Description = "Pin a graph input's shape, e.g. --input images=1x3x416x416 (repeatable; replaces the manifest's pin of that input).";
        var verify = new Option<bool>("--verify") { Description = "Run the ONNX Runtime proof (original model vs. the stage chain) after writing the stage models." };
        var json = new Option<bool>("--json") { Description = "Print the plan document on stdout instead of the summary table." };
        var command = new Command("plan", "Solve the partition and emit the plan, the stage models and (with --generated) the C# stubs.")
        {
            manifest, model, outFolder, planFile, stages, generated, ns, className, mode, outputsList, alternatives, strategy, inputs, verify, json,
        };
        command.SetAction(parsed => Run(console, new PlanSettings(
            parsed.GetValue(manifest)!,
            parsed.GetValue(model),
            parsed.GetValue(outFolder),
            parsed.GetValue(planFile),
            parsed.GetValue(stages),
            parsed.GetValue(generated),
            parsed.GetValue(ns),
            parsed.GetValue(className),
            parsed.GetValue(mode),
            parsed.GetValue(outputsList),
            parsed.GetValue(alternatives),
            parsed.GetValue(strategy),
            parsed.GetValue(inputs) ?? [],
            parsed.GetValue(verify),
            parsed.GetValue(json))));
        return command;
    }

    private static int Run(CliConsole console, PlanSettings settings)
    {
        var diagnostics = new DiagnosticBag();
        PlannedModel? planned;
        PlanFiles? files = null;
        VerificationReport? proof = null;
        using (var progress = new StepProgress(console))
        {
            planned = Pipeline.Plan(settings, diagnostics, progress);
            if (planned is not null)
            {
                progress.Step("writing files");
                files = Pipeline.Emit(planned, settings, diagnostics);
            }

            if (files is not null && settings.Verify)
            {
                progress.Step("verifying with ONNX Runtime");
                proof = Pipeline.Verify(planned!, diagnostics);
            }

            // The outputs list, last, and only when everything (the proof included) succeeded.
            files?.Complete();
        }

        DiagnosticPrinter.Print(console, diagnostics.Items);
        if (planned is null || files is null || diagnostics.HasErrors)
        {
            return PartcApp.Failure;
        }

        if (settings.Json)
        {
            console.WriteUtf8(planned.PlanJson);
            if (proof is not null)
            {
                console.Error.Write(PlanSummaryWriter.ProofLine(proof));
            }
        }
        else
        {
            PlanSummaryWriter.Write(planned, files, proof, console);
        }

        return PartcApp.Success;
    }

    private static Option<string?> PathOption(string name, string helpName, string description) =>
        new(name) { Description = description, HelpName = helpName };

    private static PlanMode ParseMode(ArgumentResult result)
    {
        string value = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
        if (string.Equals(value, "update", StringComparison.OrdinalIgnoreCase))
        {
            return PlanMode.Update;
        }

        if (string.Equals(value, "locked", StringComparison.OrdinalIgnoreCase))
        {
            return PlanMode.Locked;
        }

        result.AddError($"--mode '{value}' is not a mode; use update (write the plan when it changed) or locked (compare, never write)");
        return PlanMode.Update;
    }

    private static int? ParseAlternatives(ArgumentResult result)
    {
        string value = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int k) && k >= 1)
        {
            return k;
        }

        string option = (result.Parent as OptionResult)?.IdentifierToken?.Value ?? "--alternatives";
        result.AddError($"{option} '{value}' is not valid; K must be a whole number of at least 1 (the best plan and K-1 alternatives)");
        return null;
    }

    private static PartitionStrategy? ParseStrategy(ArgumentResult result)
    {
        string value = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
        foreach (var (name, strategy) in new[] { ("auto", PartitionStrategy.Auto), ("ksp", PartitionStrategy.Ksp), ("fused", PartitionStrategy.Fused) })
        {
            if (string.Equals(value, name, StringComparison.OrdinalIgnoreCase))
            {
                return strategy;
            }
        }

        result.AddError($"--strategy '{value}' is not a strategy; use auto, ksp or fused");
        return null;
    }
}
