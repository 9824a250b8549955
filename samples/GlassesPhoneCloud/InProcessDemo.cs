using System.Globalization;
using PartitionCompiler.Runtime.Pipeline;
using PartitionCompiler.Runtime.Plans;
using PartitionCompiler.Runtime.Tensors;

namespace GlassesPhoneCloud;

/// <summary>
/// The default mode: runs the whole plan in this process with the runtime's <see cref="PipelineRunner"/> on the
/// generated <see cref="ScenePlan.Descriptor"/>, each transfer delayed to the manifest's link rate and latency, and the
/// unsplit model on the same frames; prints their difference and the measured vs predicted times.
/// </summary>
internal static class InProcessDemo
{
    public static async Task<int> RunAsync(SampleOptions options)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{ScenePlan.ModelPath}: {ScenePlan.StageCount} stages on {string.Join(" -> ", ScenePlan.Devices)}, predicted {ScenePlan.PredictedLatencyMs} ms per frame"));
        foreach (TransferDescriptor transfer in ScenePlan.Descriptor.Transfers)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  transfer {transfer.Label} {transfer.Link}: {string.Join(", ", transfer.Tensors)} ({transfer.Bytes} bytes, predicted {transfer.PredictedMs} ms)"));
        }

        using var runner = new PipelineRunner(ScenePlan.Descriptor, new PipelineRunnerOptions { Throttle = options.Throttle });
        using var unsplit = new UnsplitModel();
        await using var saved = new SavedRunsFile(options.SaveFile);
        bool allEqual = true;
        PipelineReport? last = null;
        for (int run = 0; run < options.Runs; run++)
        {
            NamedTensor image = SceneInput.Frame(options.Seed + run);
            PipelineResult result = await runner.RunAsync([image]);
            NamedTensor scores = result.Output(UnsplitModel.OutputName);
            ScoreDifference difference = ScoreDifference.Between(scores, unsplit.Run(image));
            allEqual &= difference.Equal;
            await saved.AddAsync(run, image, scores);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"run {run + 1}: frame {options.Seed + run}, class {TopClass(scores)}, {result.Report.TotalMeasuredMs:F1} ms; split vs unsplit: {difference}"));
            last = result.Report;
        }

        Console.WriteLine();
        Console.WriteLine(options.Throttle
            ? "Last run, measured here vs predicted for the manifest's devices (transfers delayed to the manifest's links):"
            : "Last run, measured here vs predicted for the manifest's devices (transfers not throttled):");
        Console.Write(last!.ToTable());
        return allEqual ? 0 : 1;
    }

    /// <summary>The index of the highest score.</summary>
    public static int TopClass(NamedTensor scores)
    {
        float[] values = scores.ToArray<float>();
        return Array.IndexOf(values, values.Max());
    }
}
