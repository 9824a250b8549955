namespace PartitionCompiler.Runtime.Transport;

/// <summary>What went wrong on a link.</summary>
public enum TransportFailure
{
    /// <summary>The peer could not be reached (connection refused, unknown host, handshake failed).</summary>
    ConnectionFailed,

    /// <summary>The peer did not answer within the configured timeout.</summary>
    Timeout,

    /// <summary>The peer went away mid-stream (process stopped, connection reset, stream aborted).</summary>
    PeerDropped,

    /// <summary>The link was closed: the sender completed it, or it was disposed.</summary>
    Closed,

    /// <summary>The peer refused a message (for example a frame it could not decode).</summary>
    Rejected,
}
