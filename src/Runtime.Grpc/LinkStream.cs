using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using PartitionCompiler.Runtime.Grpc.Protocol;

namespace PartitionCompiler.Runtime.Grpc;

/// <summary>
/// One open <c>TensorLink.Exchange</c> call of a <see cref="GrpcTransportClient"/>, on a channel of its own. A read of
/// the next acknowledgement is always pending, so the client learns that the stream ended (the server stopped, the
/// connection broke) while it sends nothing, and opens a new stream for its next message instead of writing into the
/// dead one.
/// </summary>
/// <remarks>
/// Each stream gets a fresh channel: a channel whose connection attempt was refused waits (backs off) before it tries
/// again and fails calls at once meanwhile, so a server that is back would not be reached until the back-off ended.
/// </remarks>
internal sealed class LinkStream : IDisposable
{
    private readonly GrpcChannel _channel;
    private readonly AsyncDuplexStreamingCall<Frame, FrameAck> _call;
    private Task<bool> _nextAck;

    private LinkStream(GrpcChannel channel, AsyncDuplexStreamingCall<Frame, FrameAck> call)
    {
        _channel = channel;
        _call = call;
        _nextAck = call.ResponseStream.MoveNext(CancellationToken.None);
    }

    /// <summary>
    /// False once the stream ended while no acknowledgement was awaited: the server closed it or failed it, the
    /// connection broke, or an acknowledgement came that no send asked for.
    /// </summary>
    public bool IsOpen => !_nextAck.IsCompleted;

    /// <summary>Connects, starts the call and waits, at most the timeout, for the server's response headers.</summary>
    /// <exception cref="TimeoutException">No answer within the timeout.</exception>
    /// <exception cref="RpcException">The server cannot be reached or refused the call.</exception>
    public static async Task<LinkStream> OpenAsync(Uri address, GrpcTransportOptions options, CancellationToken cancellationToken)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectTimeout = options.Timeout,
            KeepAlivePingDelay = options.KeepAliveInterval,
            KeepAlivePingTimeout = options.Timeout,
            KeepAlivePingPolicy = HttpKeepAlivePingPolicy.Always,
            PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
        };
        GrpcChannel channel = GrpcChannel.ForAddress(address, new GrpcChannelOptions
        {
            HttpHandler = handler,
            DisposeHttpClient = true,
            MaxSendMessageSize = options.MaxMessageBytes,
            MaxReceiveMessageSize = 1024,
            MaxRetryAttempts = 0,
        });
        AsyncDuplexStreamingCall<Frame, FrameAck>? call = null;
        try
        {
            call = new TensorLink.TensorLinkClient(channel).Exchange(cancellationToken: CancellationToken.None);
            await call.ResponseHeadersAsync.WaitAsync(options.Timeout, cancellationToken).ConfigureAwait(false);
            return new LinkStream(channel, call);
        }
        catch
        {
            call?.Dispose();
            channel.Dispose();
            throw;
        }
    }

    /// <summary>Writes one frame.</summary>
    public Task WriteAsync(byte[] frame, CancellationToken cancellationToken) =>
        _call.RequestStream.WriteAsync(new Frame { Data = UnsafeByteOperations.UnsafeWrap(frame) }, cancellationToken);

    /// <summary>The next acknowledgement's sequence number, or <see langword="null"/> when the server ended the stream.</summary>
    public async Task<long?> ReadAckAsync(CancellationToken cancellationToken)
    {
        if (!await _nextAck.WaitAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        long sequence = _call.ResponseStream.Current.Sequence;
        _nextAck = _call.ResponseStream.MoveNext(CancellationToken.None);
        return sequence;
    }

    /// <summary>Ends the request side and waits until the server has closed its side.</summary>
    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        await _call.RequestStream.CompleteAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        while (await ReadAckAsync(cancellationToken).ConfigureAwait(false) is not null)
        {
            // No acknowledgement is outstanding; the server only closes its side now.
        }
    }

    /// <summary>Cancels the call if it still runs (the server sees the stream reset) and closes the connection.</summary>
    public void Dispose()
    {
        _call.Dispose();
        _channel.Dispose();
        // The pending read ends with the call; its error is expected and observed here.
        _ = _nextAck.ContinueWith(
            static read => _ = read.Exception,
            CancellationToken.None,
            TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }
}
