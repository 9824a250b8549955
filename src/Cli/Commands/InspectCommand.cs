using System.CommandLine;
using PartitionCompiler.Cli.Inspect;
using PartitionCompiler.Cli.Options;
using PartitionCompiler.Partitioning.Diagnostics;
using PartitionCompiler.Partitioning.Manifest;

namespace PartitionCompiler.Cli.Commands;

/// <summary><c>partc inspect MODEL [--json] [--input NAME=DIMS]... [--all]</c>: per-node shapes and costs of a model.</summary>
internal static class InspectCommand
{
    public static Command Create(CliConsole console)
    {
        var model = new Argument<string>("MODEL") { Description = "The ONNX model file (external data is read from its folder)." };
        var json = new Option<bool>("--json") { Description = "Print one JSON document (model, nodes, cuts, totals) instead of the table." };
        var inputs = InputPinOption.Create();
        var all = new Option<bool>("--all") { Description = $"Show every row of the table (by default the first {InspectTableWriter.DefaultRows})." };
        var command = new Command("inspect", "Per-node table of a model: op, output shapes, FLOPs, parameters and output bytes, with totals.")
        {
            model,
            json,
            inputs,
            all,
        };
        command.SetAction(parsed => Run(console, parsed.GetValue(model)!, parsed.GetValue(inputs) ?? [], parsed.GetValue(json), parsed.GetValue(all)));
        return command;
    }

    private static int Run(CliConsole console, string modelPath, IReadOnlyList<InputPin> pins, bool json, bool all)
    {
        var diagnostics = new DiagnosticBag();
        var analyzed = Pipeline.Analyze(modelPath, pins, diagnostics);
        DiagnosticPrinter.Print(console, diagnostics.Items);
        if (analyzed is null || diagnostics.HasErrors)
        {
            return PartcApp.Failure;
        }

        if (json)
        {
            InspectJsonWriter.Write(analyzed, modelPath, console);
        }
        else
        {
            InspectTableWriter.Write(analyzed, modelPath, all, console);
        }

        return PartcApp.Success;
    }
}
