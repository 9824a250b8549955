namespace PartitionCompiler.Bench;

/// <summary>Dispatches to one benchmark harness by name; each harness prints a table and measures, never asserts.</summary>
internal static class Program
{
    private static readonly Dictionary<string, (string Description, Func<string[], int> Run)> Harnesses = new(StringComparer.Ordinal)
    {
        ["cli"] = ("wall time of partc inspect and plan on a generated 20,000-node chain", CliTimesBench.Run),
        ["build-overhead"] = ("no-op builds of a partitioning consumer vs one with only the runtime package", BuildOverheadBench.Run),
        ["shapes-costs"] = ("shape inference, cost model and segment queries on long chains", ShapeCostBench.Run),
        ["solver"] = ("K shortest paths vs network_butcher and QuikGraph; partition solve times", SolverBench.Run),
        ["submodels"] = ("building the stage files of a three-stage plan of a 25.5 M-parameter ResNet-50", SubModelBench.Run),
        ["fidelity"] = ("ONNX Runtime proof of every single cut and random plans of the public models", FidelityBench.Run),
    };

    private static int Main(string[] args)
    {
        if (args.Length == 0 || !Harnesses.TryGetValue(args[0], out var harness))
        {
            Console.WriteLine("usage: dotnet run -c Release --project bench/PartitionCompiler.Bench -- <harness> [options]");
            Console.WriteLine();
            foreach (var (name, (description, _)) in Harnesses.OrderBy(h => h.Key, StringComparer.Ordinal))
            {
                Console.WriteLine($"  {name,-16} {description}");
            }

            return args.Length == 0 ? 0 : 1;
        }

        return harness.Run(args[1..]);
    }
}
