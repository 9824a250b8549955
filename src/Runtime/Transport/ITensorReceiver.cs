namespace PartitionCompiler.Runtime.Transport;

/// <summary>The receiving end of a link: receives messages in the order they were sent.</summary>
public interface ITensorReceiver : IAsyncDisposable
{
    /// <summary>Receives the next message, waiting until one arrives.</summary>
    /// <param name="cancellationToken">Cancels the wait (throws <see cref="OperationCanceledException"/>).</param>
    /// <returns>The message.</returns>
    /// <exception cref="TransportException">The link failed, or it is closed and drained
    /// (<see cref="TransportFailure.Closed"/>).</exception>
    ValueTask<TensorMessage> ReceiveAsync(CancellationToken cancellationToken = default);
}
