using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using PartitionCompiler.OnnxSplitter.Reading;
using PartitionCompiler.OnnxSplitter.SubModels;
using PartitionCompiler.Partitioning.Diagnostics;
using PartitionCompiler.TestSupport.Partitions;

namespace PartitionCompiler.Bench;

/// <summary>
/// Time to build every stage file of a three-stage plan (stage models, their bytes and SHA-256s; nothing written, no
/// verification) for a ResNet-50-sized model with 25.5 M random parameters. The baseline in the same run is the least
/// any emitter must do: one copy and one SHA-256 of the whole model's bytes. Usage:
/// <c>submodels [--runs N] [--seed S]</c>.
/// </summary>
internal static class SubModelBench
{
    public static int Run(string[] args)
    {
        int runs = 9;
        int seed = 50;
        for (int i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--runs":
                    runs = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
                    break;
                case "--seed":
                    seed = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
                    break;
            }
        }

        var clock = Stopwatch.StartNew();
        byte[] bytes = SubModelBenchResNet.Build(seed).ToBytes();
        var diagnostics = new DiagnosticBag();
        var model = OnnxModelReader.Read(bytes, "resnet50.onnx", Path.GetTempPath(), diagnostics);
        if (model is null)
        {
            Console.Error.WriteLine(string.Join("\n", diagnostics.Items));
            return 1;
        }

        long parameters = model.Spec.Initializers.Sum(i => i.Dims.Aggregate(1L, (a, d) => a * d));
        var plans = new CutPlans(model);
        int n = plans.Positions;
        var plan = plans.Plan([n / 3, (2 * n) / 3], ["glasses", "phone", "cloud"]);
        Console.WriteLine(FormattableString.Invariant(
            $"ResNet-50-shaped model: {parameters / 1e6:F1} M parameters, {bytes.Length / 1e6:F1} MB, {n} positions; generated in {clock.Elapsed.TotalSeconds:F1} s"));
        Console.WriteLine(FormattableString.Invariant($"plan: cuts after positions {n / 3} and {(2 * n) / 3} (three stages); {runs} timed runs after 2 warm-up runs"));
        Console.WriteLine();

        SubModelSet? set = null;
        var build = Measure(runs, () =>
        {
            set = SubModelBuilder.Build(model, plans.Graph, plan, diagnostics);
            _ = set!.ApplyTo(plan); // every stage's SHA-256, as the plan records them
        });
        var floor = Measure(runs, () => SHA256.HashData(bytes.AsSpan().ToArray()));
        if (set is null)
        {
            Console.Error.WriteLine(string.Join("\n", diagnostics.Items));
            return 1;
        }

        Console.WriteLine("| stage | file | nodes | initializers | MB |");
        Console.WriteLine("|---:|---|---:|---:|---:|");
        foreach (var stage in set.Stages)
        {
            Console.WriteLine(FormattableString.Invariant(
                $"| {stage.StageIndex} | {stage.RelativePath} | {stage.NodeCount} | {stage.InitializerCount} | {stage.Content.Length / 1e6:F1} |"));
        }

        Console.WriteLine();
        Console.WriteLine("| work | median ms | min ms | max ms |");
        Console.WriteLine("|---|---:|---:|---:|");
        Print("build all stage files (SubModelBuilder.Build + ApplyTo: models, bytes, SHA-256s)", build);
        Print("baseline: copy + SHA-256 of the whole model's bytes once", floor);
        Console.WriteLine();
        Console.WriteLine(FormattableString.Invariant($"build / baseline: x{build.Median / floor.Median:F2}"));
        return 0;
    }

    private static void Print(string label, (double Median, double Min, double Max) t) =>
        Console.WriteLine(FormattableString.Invariant($"| {label} | {t.Median:F1} | {t.Min:F1} | {t.Max:F1} |"));

    private static (double Median, double Min, double Max) Measure(int runs, Action action)
    {
        action();
        action();
        var samples = new List<double>();
        for (int i = 0; i < runs; i++)
        {
            var clock = Stopwatch.StartNew();
            action();
            samples.Add(clock.Elapsed.TotalMilliseconds);
        }

        samples.Sort();
        return (samples[samples.Count / 2], samples[0], samples[^1]);
    }
}
