using Microsoft.ML.OnnxRuntime;
using PartitionCompiler.Runtime.Tensors;
using PartitionCompiler.Runtime.Transport;
using PartitionCompiler.Runtime.Wire;

namespace PartitionCompiler.EndToEnd.Tests.Sample;

/// <summary>
/// What the sample's <c>--save FILE</c> writes: one wire-format frame per run, holding the input it fed (<c>image</c>)
/// and the outputs the split pipeline returned (<c>scores</c>). The tests recompute the unsplit model on each input with
/// ONNX Runtime themselves and compare.
/// </summary>
internal static class SavedRuns
{
    /// <summary>Tolerance of the comparison: max |pipeline - unsplit| &lt;= Atol + Rtol * max |unsplit|.</summary>
    public const double Rtol = 1e-5;

    public const double Atol = 1e-6;

    public static IReadOnlyList<TensorMessage> Read(string file)
    {
        var runs = new List<TensorMessage>();
        using FileStream stream = File.OpenRead(file);
        while (TensorFrame.ReadAsync(stream).AsTask().GetAwaiter().GetResult() is { } message)
        {
            runs.Add(message);
        }

        return runs;
    }

    /// <summary>Asserts every saved run's scores equal the unsplit model's on its image; returns the largest relative difference.</summary>
    public static double AssertEqualToUnsplitModel(string model, IReadOnlyList<TensorMessage> runs)
    {
        Assert.NotEmpty(runs);
        using var session = new InferenceSession(model);
        double worst = 0;
        foreach (TensorMessage run in runs)
        {
            NamedTensor image = run["image"];
            NamedTensor scores = run["scores"];
            using OrtValue input = image.ToOrtValue();
            using var outputs = session.Run(new RunOptions(), ["image"], [input], ["scores"]);
            float[] expected = outputs[0].GetTensorDataAsSpan<float>().ToArray();
            float[] actual = scores.ToArray<float>();
            Assert.Equal(expected.Length, actual.Length);
            Assert.Equal(new long[] { 1, 10 }, scores.Shape);
            double maxAbs = expected.Zip(actual, (e, a) => Math.Abs((double)e - a)).Max();
            double scale = expected.Max(e => Math.Abs((double)e));
            Assert.True(scale > 0, $"run {run.Sequence}: the unsplit model's scores are all zero, so the comparison would prove nothing");
            Assert.True(maxAbs <= Atol + (Rtol * scale),
                $"run {run.Sequence}: max |pipeline - unsplit| = {maxAbs:G4} exceeds {Atol} + {Rtol} * {scale:G4}");
            worst = Math.Max(worst, scale > 0 ? maxAbs / scale : maxAbs);
        }

        return worst;
    }
}
