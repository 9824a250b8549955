using System.Diagnostics;

namespace PartitionCompiler.Runtime.Transport;

/// <summary>Waits at least a given time by the high-resolution clock (timers may fire a little early).</summary>
internal static class PreciseDelay
{
    public static async ValueTask WaitAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        if (delay <= TimeSpan.Zero)
        {
            return;
        }

        long start = Stopwatch.GetTimestamp();
        while (true)
        {
            TimeSpan remaining = delay - Stopwatch.GetElapsedTime(start);
            if (remaining <= TimeSpan.Zero)
            {
                return;
            }

            // Round up to whole milliseconds so a timer never undershoots by a fraction.
            await Task.Delay(TimeSpan.FromMilliseconds(Math.Ceiling(remaining.TotalMilliseconds)), cancellationToken).ConfigureAwait(false);
        }
    }
}
