using PartitionCompiler.Runtime.Wire;

namespace PartitionCompiler.Runtime.Grpc;

/// <summary>Timeouts and limits of a gRPC link (the same record serves the server and the client).</summary>
public sealed record GrpcTransportOptions
{
    /// <summary>The defaults: 10 s timeout, 5 s keep-alive pings, default frame limits, receive waits forever.</summary>
    public static GrpcTransportOptions Default { get; } = new();

    /// <summary>
    /// How long the client waits to connect (also when a send first opens a new stream), and how long a send waits for
    /// the peer's acknowledgement (which comes once the server has queued the message, so a receiver that lags by more
    /// than this also times out). Also the keep-alive ping timeout on both sides.
    /// </summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How often an HTTP/2 ping checks an idle connection; a ping unanswered within
    /// <see cref="Timeout"/> drops the connection.</summary>
    public TimeSpan KeepAliveInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long <see cref="GrpcTransportServer.ReceiveAsync"/> waits for a message;
    /// <see langword="null"/> (the default) waits until cancelled.</summary>
    public TimeSpan? ReceiveTimeout { get; init; }

    /// <summary>How many received messages the server queues before it stops acknowledging (back-pressure).</summary>
    public int ReceiveCapacity { get; init; } = 4;

    /// <summary>The frame limits both sides enforce.</summary>
    public TensorFrameLimits FrameLimits { get; init; } = TensorFrameLimits.Default;

    /// <summary>The gRPC message size limit: the frame limit plus room for the protobuf envelope.</summary>
    internal int MaxMessageBytes => (int)Math.Min((long)FrameLimits.MaxFrameBytes + 64, int.MaxValue);

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(Timeout, TimeSpan.Zero, nameof(Timeout));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(KeepAliveInterval, TimeSpan.Zero, nameof(KeepAliveInterval));
        if (ReceiveTimeout is { } receive)
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(receive, TimeSpan.Zero, nameof(ReceiveTimeout));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(ReceiveCapacity, 1, nameof(ReceiveCapacity));
        ArgumentNullException.ThrowIfNull(FrameLimits, nameof(FrameLimits));
    }
}
