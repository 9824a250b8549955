using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Text;
using PartitionCompiler.Cli.Options;
using PartitionCompiler.Cli.Output;
using PartitionCompiler.OnnxSplitter.Profiling;
using PartitionCompiler.Partitioning.Diagnostics;
using PartitionCompiler.Partitioning.Manifest;
using PartitionCompiler.Partitioning.Profiles;

namespace PartitionCompiler.Cli.Commands;

/// <summary>
/// <c>partc profile MODEL --device-name NAME [--runs N] [--warmup N] [--out FILE] [--input NAME=DIMS]...</c>: measures
/// the model's per-node times on this machine with ONNX Runtime and writes a device profile file (DESIGN.md section 4)
/// that a manifest device names with <c>"profile"</c>.
/// </summary>
internal static class ProfileCommand
{
    private const int SlowestShown = 10;

    public static Command Create(CliConsole console)
    {
        var model = new Argument<string>("MODEL") { Description = "The ONNX model to measure (external data is read from its folder)." };
        var device = new Option<string>("--device-name")
        {
            Description = "The manifest device this machine stands for (the profile's \"device\").",
            HelpName = "NAME",
            Required = true,
            CustomParser = ParseDeviceName,
        };
        var runs = new Option<int>("--runs") { Description = "Timed runs (default 10); each node's median, p10 and p90 are over them.", HelpName = "N", CustomParser = r => ParseCount(r, 1), DefaultValueFactory = _ => 10 };
        var warmup = new Option<int>("--warmup") { Description = "Runs before the timed ones, not counted (default 2).", HelpName = "N", CustomParser = r => ParseCount(r, 0), DefaultValueFactory = _ => 2 };
        var output = new Option<string?>("--out") { Description = "The profile file (default: <model stem>.<device>.profile.json in the current folder).", HelpName = "FILE" };
        var inputs = InputPinOption.Create();
        var command = new Command("profile", "Measure the model's per-node times on this machine into a profile file a manifest can name.")
        {
            model, device, runs, warmup, output, inputs,
        };
        command.SetAction(parsed => Run(
            console,
            parsed.GetValue(model)!,
            parsed.GetValue(device)!,
            new ProfilerOptions { Runs = parsed.GetValue(runs), WarmupRuns = parsed.GetValue(warmup) },
            parsed.GetValue(output),
            parsed.GetValue(inputs) ?? []));
        return command;
    }

    private static int Run(CliConsole console, string modelPath, string device, ProfilerOptions options, string? outPath, IReadOnlyList<InputPin> pins)
    {
        var diagnostics = new DiagnosticBag();
        DeviceProfile? profile;
        using (var progress = new StepProgress(console))
        {
            profile = Pipeline.Profile(modelPath, device, pins, options, diagnostics, progress);
        }

        string path = outPath ?? $"{Path.GetFileNameWithoutExtension(modelPath)}.{device}.profile.json";
        bool written = false;
        if (profile is not null)
        {
            try
            {
                written = AtomicFile.WriteIfChanged(path, Encoding.UTF8.GetBytes(DeviceProfileWriter.Write(profile)));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                diagnostics.Add(DiagnosticCatalog.OutputFileAccess, new SourceLocation(path), "write", path, e.Message);
            }
        }

        DiagnosticPrinter.Print(console, diagnostics.Items);
        if (profile is null || diagnostics.HasErrors)
        {
            return PartcApp.Failure;
        }

        WriteSummary(console, profile, path, written, options);
        return PartcApp.Success;
    }

    private static void WriteSummary(CliConsole console, DeviceProfile profile, string path, bool written, ProfilerOptions options)
    {
        var output = console.Output;
        double total = profile.Nodes.Values.Sum(n => n.Median);
        output.Write($"profile    {path.Replace('\\', '/')} ({(written ? "written" : "unchanged")})\n");
        output.Write(string.Create(CultureInfo.InvariantCulture,
            $"device     {profile.Device}: {profile.Nodes.Count} nodes, {options.Runs} timed run(s) after {options.WarmupRuns} warm-up, sum of medians {total * 1e3:G4} ms\n"));
        output.Write("slowest    ");
        output.Write(string.Join(", ", profile.Nodes
            .OrderByDescending(n => n.Value.Median).ThenBy(n => n.Key, StringComparer.Ordinal)
            .Take(SlowestShown)
            .Select(n => string.Create(CultureInfo.InvariantCulture, $"{n.Key} {n.Value.Median * 1e3:G3} ms"))));
        output.Write('\n');
    }

    private static string ParseDeviceName(ArgumentResult result)
    {
        string value = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
        if (value.Trim().Length == 0)
        {
            result.AddError("--device-name must not be empty; pass the manifest device this machine stands for, e.g. --device-name phone");
        }

        return value;
    }

    private static int ParseCount(ArgumentResult result, int minimum)
    {
        string value = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
        string option = (result.Parent as OptionResult)?.IdentifierToken?.Value ?? "the option";
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int count) && count >= minimum)
        {
            return count;
        }

        result.AddError(string.Create(CultureInfo.InvariantCulture, $"{option} '{value}' is not valid; use a whole number of at least {minimum}"));
        return minimum;
    }
}
