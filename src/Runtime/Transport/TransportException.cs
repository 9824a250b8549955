namespace PartitionCompiler.Runtime.Transport;

/// <summary>
/// A link failed: the peer is unreachable, dropped, too slow, refused a message, or the link is closed. The message
/// names the peer and what happened. (Cancellation through the caller's own token throws
/// <see cref="OperationCanceledException"/> instead.)
/// </summary>
public sealed class TransportException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="failure">What went wrong.</param>
    /// <param name="peer">The peer's address or the link's name.</param>
    /// <param name="message">A sentence naming the peer and what happened.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public TransportException(TransportFailure failure, string peer, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Failure = failure;
        Peer = peer;
    }

    /// <summary>What went wrong.</summary>
    public TransportFailure Failure { get; }

    /// <summary>The peer's address (for example <c>http://127.0.0.1:5000</c>) or the link's name.</summary>
    public string Peer { get; }
}
