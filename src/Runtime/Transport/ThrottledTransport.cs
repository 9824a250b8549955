using PartitionCompiler.Runtime.Plans;

namespace PartitionCompiler.Runtime.Transport;

/// <summary>
/// Simulates a slow link: delays each send by the time the route's hops would take to carry the message's payload,
/// then passes it to the inner transport. Per hop the time is latency + bytes / rate (store and forward), summed
/// over the hops; bytes are <see cref="TensorMessage.PayloadBytes"/>. Receiving is not delayed.
/// </summary>
public sealed class ThrottledTransport : ITensorTransport
{
    private readonly ITensorTransport _inner;
    private readonly HopDescriptor[] _hops;

    /// <summary>Throttles a transport to a route of hops.</summary>
    /// <param name="inner">The transport that carries the messages.</param>
    /// <param name="hops">The hops; each with a positive rate and a non-negative latency.</param>
    /// <exception cref="ArgumentException">A hop's rate is not positive or its latency is negative.</exception>
    public ThrottledTransport(ITensorTransport inner, IEnumerable<HopDescriptor> hops)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(hops);
        _inner = inner;
        _hops = [.. hops];
        foreach (HopDescriptor hop in _hops)
        {
            try
            {
                _ = hop.TransferTime(0);
            }
            catch (InvalidOperationException ex)
            {
                throw new ArgumentException(ex.Message, nameof(hops), ex);
            }
        }
    }

    /// <summary>Throttles a transport to one link.</summary>
    /// <param name="inner">The transport that carries the messages.</param>
    /// <param name="rateBytesPerSecond">The link's rate in bytes per second (positive).</param>
    /// <param name="latencySeconds">The link's latency in seconds (non-negative).</param>
    public ThrottledTransport(ITensorTransport inner, double rateBytesPerSecond, double latencySeconds)
        : this(inner, [new HopDescriptor("sender", "receiver", rateBytesPerSecond, latencySeconds)])
    {
    }

    /// <summary>The hops this link simulates.</summary>
    public IReadOnlyList<HopDescriptor> Hops => _hops;

    /// <summary>The delay a payload of <paramref name="bytes"/> bytes gets: the sum over hops of latency + bytes / rate.</summary>
    /// <param name="bytes">The payload bytes.</param>
    /// <param name="hops">The hops.</param>
    /// <returns>The delay.</returns>
    public static TimeSpan DelayFor(long bytes, IEnumerable<HopDescriptor> hops)
    {
        ArgumentNullException.ThrowIfNull(hops);
        TimeSpan total = TimeSpan.Zero;
        foreach (HopDescriptor hop in hops)
        {
            total += hop.TransferTime(bytes);
        }

        return total;
    }

    /// <summary>Waits for the simulated link time, then sends through the inner transport.</summary>
    /// <param name="message">The message.</param>
    /// <param name="cancellationToken">Cancels the wait and the send.</param>
    /// <returns>A task that completes when the inner transport accepted the message.</returns>
    public async ValueTask SendAsync(TensorMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        await PreciseDelay.WaitAsync(DelayFor(message.PayloadBytes, _hops), cancellationToken).ConfigureAwait(false);
        await _inner.SendAsync(message, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public ValueTask<TensorMessage> ReceiveAsync(CancellationToken cancellationToken = default) => _inner.ReceiveAsync(cancellationToken);

    /// <inheritdoc />
    public ValueTask CompleteAsync(CancellationToken cancellationToken = default) => _inner.CompleteAsync(cancellationToken);

    /// <summary>Disposes the inner transport.</summary>
    /// <returns>A task that completes when the inner transport is disposed.</returns>
    public ValueTask DisposeAsync() => _inner.DisposeAsync();
}
