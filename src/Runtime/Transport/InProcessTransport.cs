using System.Threading.Channels;

namespace PartitionCompiler.Runtime.Transport;

/// <summary>
/// A link inside one process on a bounded <see cref="Channel{T}"/>: messages pass by reference (no copy, no
/// encoding), in order; when <see cref="Capacity"/> messages wait unread, <see cref="SendAsync"/> waits too, so a
/// slow consumer slows the producer down (back-pressure).
/// </summary>
public sealed class InProcessTransport : ITensorTransport
{
    private readonly Channel<TensorMessage> _channel;

    /// <summary>Creates a link.</summary>
    /// <param name="capacity">How many unread messages may wait before senders wait (at least 1).</param>
    /// <param name="name">The link's name, used in error messages (for example <c>stage0->stage1</c>).</param>
    public InProcessTransport(int capacity = 4, string name = "in-process")
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        ArgumentNullException.ThrowIfNull(name);
        Capacity = capacity;
        Name = name;
        _channel = Channel.CreateBounded<TensorMessage>(new BoundedChannelOptions(capacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = false,
            SingleWriter = false,
        });
    }

    /// <summary>How many unread messages may wait.</summary>
    public int Capacity { get; }

    /// <summary>The link's name.</summary>
    public string Name { get; }

    /// <summary>How many messages wait unread now.</summary>
    public int Count => _channel.Reader.Count;

    /// <inheritdoc />
    public async ValueTask SendAsync(TensorMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        try
        {
            await _channel.Writer.WriteAsync(message, cancellationToken).ConfigureAwait(false);
        }
        catch (ChannelClosedException ex)
        {
            throw new TransportException(TransportFailure.Closed, Name, $"Link '{Name}' is closed; message {message.Sequence} was not sent.", ex);
        }
    }

    /// <inheritdoc />
    public async ValueTask<TensorMessage> ReceiveAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            return await _channel.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (ChannelClosedException ex)
        {
            throw new TransportException(TransportFailure.Closed, Name, $"Link '{Name}' is closed and drained; no message follows.", ex);
        }
    }

    /// <inheritdoc />
    public ValueTask CompleteAsync(CancellationToken cancellationToken = default)
    {
        _channel.Writer.TryComplete();
        return ValueTask.CompletedTask;
    }

    /// <summary>Closes the link for sending; unread messages can still be received.</summary>
    /// <returns>A completed task.</returns>
    public ValueTask DisposeAsync() => CompleteAsync();
}
