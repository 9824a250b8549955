namespace PartitionCompiler.Runtime.Transport;

/// <summary>The sending end of a link: sends messages in order.</summary>
public interface ITensorSender : IAsyncDisposable
{
    /// <summary>
    /// Sends one message. Completes when the link has accepted it: an in-process link when the message is queued
    /// (waiting while the queue is full), a network link when the peer has acknowledged it.
    /// </summary>
    /// <param name="message">The message.</param>
    /// <param name="cancellationToken">Cancels the send (throws <see cref="OperationCanceledException"/>).</param>
    /// <returns>A task that completes when the message is accepted.</returns>
    /// <exception cref="TransportException">The link failed or is closed.</exception>
    ValueTask SendAsync(TensorMessage message, CancellationToken cancellationToken = default);

    /// <summary>
    /// Says that no more messages follow; a receiver fed by this sender alone drains what was sent, then sees the link
    /// closed. A receiver that serves many senders (a gRPC server) reports the link closed only when it stops.
    /// </summary>
    /// <param name="cancellationToken">Cancels the wait for the peer.</param>
    /// <returns>A task that completes when the link is closed for sending.</returns>
    ValueTask CompleteAsync(CancellationToken cancellationToken = default);
}
