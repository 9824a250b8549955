using System.Diagnostics;
using System.Globalization;

namespace PartitionCompiler.Bench;

/// <summary>Repeated wall-clock timing: warm-up runs, then median and min-max of the timed runs, in ms.</summary>
internal static class SolverBenchTiming
{
    public readonly record struct Stats(double Median, double Min, double Max)
    {
        public override string ToString() => Median >= 100
            ? string.Create(CultureInfo.InvariantCulture, $"{Median:F1} ({Min:F1}–{Max:F1})")
            : string.Create(CultureInfo.InvariantCulture, $"{Median:F3} ({Min:F3}–{Max:F3})");
    }

    public static Stats Measure(int warmups, int runs, Action action)
    {
        // At least the given warm-ups and 500 ms of them, so tiered JIT has promoted the hot code.
        long warm = Stopwatch.GetTimestamp();
        for (int i = 0; i < warmups || Stopwatch.GetElapsedTime(warm).TotalMilliseconds < 500; i++)
        {
            action();
        }

        var samples = new double[runs];
        for (int i = 0; i < runs; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            long start = Stopwatch.GetTimestamp();
            action();
            samples[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        Array.Sort(samples);
        double median = runs % 2 == 1 ? samples[runs / 2] : (samples[(runs / 2) - 1] + samples[runs / 2]) / 2;
        return new Stats(median, samples[0], samples[^1]);
    }

    /// <summary>Runs <paramref name="action"/> on a background thread; null when it did not finish within the cap.</summary>
    public static double? MeasureCapped(TimeSpan cap, Action action)
    {
        double elapsed = 0;
        var thread = new Thread(() =>
        {
            long start = Stopwatch.GetTimestamp();
            action();
            elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        })
        { IsBackground = true };
        thread.Start();
        return thread.Join(cap) ? elapsed : null;
    }
}
