namespace PartitionCompiler.Runtime.Plans;

/// <summary>One hop of a transfer's route: a directed link between two devices.</summary>
/// <param name="From">The sending device's name.</param>
/// <param name="To">The receiving device's name.</param>
/// <param name="RateBytesPerSecond">The link's data rate in bytes per second (positive; may be
/// <see cref="double.PositiveInfinity"/> for a link with no bandwidth limit).</param>
/// <param name="LatencySeconds">The link's latency in seconds (non-negative).</param>
public sealed record HopDescriptor(string From, string To, double RateBytesPerSecond, double LatencySeconds)
{
    /// <summary>The time this hop takes to carry <paramref name="bytes"/>: latency + bytes / rate.</summary>
    /// <param name="bytes">The payload bytes.</param>
    /// <returns>The time, rounded to the nearest tick (100 ns).</returns>
    /// <exception cref="ArgumentOutOfRangeException">The byte count is negative.</exception>
    /// <exception cref="InvalidOperationException">The rate is not positive, or the latency is negative or not finite.</exception>
    public TimeSpan TransferTime(long bytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bytes);
        if (!(RateBytesPerSecond > 0))
        {
            throw new InvalidOperationException($"Link {From}->{To}: the rate must be positive, not {RateBytesPerSecond}.");
        }

        if (!(LatencySeconds >= 0) || double.IsInfinity(LatencySeconds))
        {
            throw new InvalidOperationException($"Link {From}->{To}: the latency must be finite and non-negative, not {LatencySeconds}.");
        }

        return TimeSpan.FromTicks((long)Math.Round((LatencySeconds + (bytes / RateBytesPerSecond)) * TimeSpan.TicksPerSecond));
    }
}
