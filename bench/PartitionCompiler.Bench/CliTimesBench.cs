using System.Diagnostics;
using System.Globalization;
using PartitionCompiler.TestSupport;

namespace PartitionCompiler.Bench;

/// <summary>
/// Wall time of whole <c>partc</c> runs on a generated chain model, as a user sees them: process start, model reading,
/// shape inference, costs, solving and writing. The baseline in the same run is <c>partc --help</c> (process start and
/// JIT of the command-line layer only). Uses the Release CLI (<c>dotnet build src/Cli -c Release</c> first).
/// Usage: <c>cli [--nodes N] [--runs R]</c> (defaults 20000 nodes, 5 runs).
/// </summary>
internal static class CliTimesBench
{
    public static int Run(string[] args)
    {
        int nodes = 20_000;
        int runs = 5;
        for (int i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--nodes":
                    nodes = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
                    break;
                case "--runs":
                    runs = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
                    break;
                default:
                    Console.WriteLine("usage: cli [--nodes N] [--runs R]");
                    return 1;
            }
        }

        string? cli = FindCli();
        if (cli is null)
        {
            Console.WriteLine("build the CLI first: dotnet build src/Cli -c Release (run from inside the repository)");
            return 1;
        }

        string folder = Path.Combine(Path.GetTempPath(), "partc-cli-bench-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        Directory.CreateDirectory(folder);
        try
        {
            string model = ModelRecipes.Chain(nodes).WriteTo(Path.Combine(folder, "chain.onnx"));
            string manifest = Path.Combine(folder, "chain.devices.json");
            File.WriteAllText(manifest, Manifest);
            string limited = Path.Combine(folder, "limited.devices.json");
            File.WriteAllText(limited, Manifest.Replace("\"memory\": \"256 MiB\"", "\"memory\": \"2 MiB\"", StringComparison.Ordinal));

            Console.WriteLine($"partc wall times, {nodes:N0}-node chain ({new FileInfo(model).Length:N0} bytes), {runs} runs each, ms");
            Console.WriteLine();
            Console.WriteLine($"| {"command",-44} | {"median",8} | {"min",8} | {"max",8} |");
            Console.WriteLine($"|{new string('-', 46)}|{new string('-', 10)}|{new string('-', 10)}|{new string('-', 10)}|");
            Row("--help (baseline: process start)", cli, ["--help"], runs);
            Row("inspect --json > file", cli, ["inspect", model, "--json"], runs);
            Row("inspect (table)", cli, ["inspect", model], runs);
            Row("plan --out DIR (3 devices, K=5)", cli, ["plan", manifest, "--out", Path.Combine(folder, "out")], runs);
            Row("plan --out DIR --generated DIR", cli, ["plan", manifest, "--out", Path.Combine(folder, "out2"), "--generated", Path.Combine(folder, "gen")], runs);
            Row("plan, glasses memory binding (2 MiB)", cli, ["plan", limited, "--out", Path.Combine(folder, "out3")], runs);
            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private const string Manifest = """
        {
          "model": "chain.onnx",
          "objective": "latency",
          "devices": [
            { "name": "glasses", "compute": "2 GFLOP/s", "memory": "256 MiB" },
            { "name": "phone", "compute": "40 GFLOP/s", "memory": "4 GiB" },
            { "name": "cloud", "compute": "1 TFLOP/s" }
          ],
          "links": [
            { "from": "glasses", "to": "phone", "bandwidth": "20 Mbit/s", "latency": "3 ms", "bidirectional": true },
            { "from": "phone", "to": "cloud", "bandwidth": "20 Mbit/s", "latency": "30 ms", "bidirectional": true }
          ],
          "source": "glasses",
          "sink": "glasses"
        }
        """;

    private static void Row(string label, string cli, string[] arguments, int runs)
    {
        var times = new List<double>();
        for (int r = 0; r < runs; r++)
        {
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add(cli);
            foreach (string argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            var clock = Stopwatch.StartNew();
            using var process = Process.Start(start)!;
            var drain = process.StandardOutput.BaseStream.CopyToAsync(Stream.Null);
            string errors = process.StandardError.ReadToEnd();
            drain.Wait();
            process.WaitForExit();
            clock.Stop();
            if (process.ExitCode != 0)
            {
                Console.WriteLine($"| {label,-44} | failed (exit {process.ExitCode}): {errors.Split('\n')[0]}");
                return;
            }

            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {label,-44} | {times[times.Count / 2],8:F0} | {times[0],8:F0} | {times[^1],8:F0} |"));
    }

    private static string? FindCli()
    {
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "src", "Cli", "bin", "Release", "net10.0", "PartitionCompiler.Cli.dll");
            if (File.Exists(Path.Combine(dir.FullName, "PartitionCompiler.sln")))
            {
                return File.Exists(candidate) ? candidate : null;
            }
        }

        return null;
    }
}
