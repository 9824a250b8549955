using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using PartitionCompiler.Runtime.Grpc.Protocol;
using PartitionCompiler.Runtime.Transport;
using PartitionCompiler.Runtime.Wire;

namespace PartitionCompiler.Runtime.Grpc;

/// <summary>
/// The sending end of a gRPC link: one long-lived HTTP/2 stream to a <see cref="GrpcTransportServer"/>. Each
/// <see cref="SendAsync"/> writes one frame and waits for the server's acknowledgement, at most
/// <see cref="GrpcTransportOptions.Timeout"/>. Any failure (refused connection, server gone, stream reset, no
/// acknowledgement in time) is a <see cref="TransportException"/> naming the server's address; after one, the
/// client is faulted and every later send throws it again.
/// </summary>
public sealed class GrpcTransportClient : ITensorSender
{
    private readonly GrpcChannel _channel;
    private readonly AsyncDuplexStreamingCall<Frame, FrameAck> _call;
    private readonly GrpcTransportOptions _options;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private TransportException? _fault;
    private bool _completed;

    private GrpcTransportClient(Uri address, GrpcChannel channel, AsyncDuplexStreamingCall<Frame, FrameAck> call, GrpcTransportOptions options)
    {
        Address = address;
        _channel = channel;
        _call = call;
        _options = options;
    }

    /// <summary>The server's address.</summary>
    public Uri Address { get; }

    /// <summary>Connects to a server and opens the link's stream.</summary>
    /// <param name="address">The server's address, for example <c>http://127.0.0.1:5000</c>.</param>
    /// <param name="options">Timeouts and limits; default <see cref="GrpcTransportOptions.Default"/>.</param>
    /// <param name="cancellationToken">Cancels the connect.</param>
    /// <returns>The connected client.</returns>
    /// <exception cref="TransportException">The server is unreachable (<see cref="TransportFailure.ConnectionFailed"/>)
    /// or did not answer within the timeout (<see cref="TransportFailure.Timeout"/>).</exception>
    public static async Task<GrpcTransportClient> ConnectAsync(
        Uri address, GrpcTransportOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(address);
        options ??= GrpcTransportOptions.Default;
        options.Validate();
        var handler = new SocketsHttpHandler
        {
            ConnectTimeout = options.Timeout,
            KeepAlivePingDelay = options.KeepAliveInterval,
            KeepAlivePingTimeout = options.Timeout,
            KeepAlivePingPolicy = HttpKeepAlivePingPolicy.Always,
            PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
            EnableMultipleHttp2Connections = true,
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
            return new GrpcTransportClient(address, channel, call, options);
        }
        catch (Exception ex) when (ex is TimeoutException or RpcException or IOException or HttpRequestException)
        {
            call?.Dispose();
            channel.Dispose();
            throw ex is TimeoutException
                ? new TransportException(TransportFailure.Timeout, address.ToString(), $"The server at {address} did not answer within {options.Timeout}.", ex)
                : new TransportException(TransportFailure.ConnectionFailed, address.ToString(), $"Cannot connect to {address}: {Describe(ex)}", ex);
        }
        catch
        {
            call?.Dispose();
            channel.Dispose();
            throw;
        }
    }

    /// <summary>Connects to a server given as a URI string or as <c>host:port</c> (then <c>http://</c> is assumed).</summary>
    /// <param name="address">For example <c>http://127.0.0.1:5000</c> or <c>127.0.0.1:5000</c>.</param>
    /// <param name="options">Timeouts and limits; default <see cref="GrpcTransportOptions.Default"/>.</param>
    /// <param name="cancellationToken">Cancels the connect.</param>
    /// <returns>The connected client.</returns>
    public static Task<GrpcTransportClient> ConnectAsync(
        string address, GrpcTransportOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(address);
        string uri = address.Contains("://", StringComparison.Ordinal) ? address : "http://" + address;
        return ConnectAsync(new Uri(uri), options, cancellationToken);
    }

    /// <inheritdoc />
    /// <exception cref="TensorFrameException">The message exceeds the frame limits (the client stays usable).</exception>
    public async ValueTask SendAsync(TensorMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        byte[] frame = TensorFrame.Encode(message, _options.FrameLimits);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ThrowIfUnusable(message.Sequence);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_options.Timeout);
            try
            {
                await _call.RequestStream.WriteAsync(new Frame { Data = UnsafeByteOperations.UnsafeWrap(frame) }, timeout.Token).ConfigureAwait(false);
                if (!await _call.ResponseStream.MoveNext(timeout.Token).ConfigureAwait(false))
                {
                    throw Fault(TransportFailure.PeerDropped, $"The server at {Address} closed the stream without acknowledging message {message.Sequence}.", null);
                }

                long acknowledged = _call.ResponseStream.Current.Sequence;
                if (acknowledged != message.Sequence)
                {
                    throw Fault(TransportFailure.Rejected, $"The server at {Address} acknowledged message {acknowledged} instead of {message.Sequence}.", null);
                }
            }
            catch (Exception ex) when (ex is not TransportException)
            {
                throw Translate(ex, message.Sequence, timeout.IsCancellationRequested, cancellationToken);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Ends the stream gracefully and waits (at most the timeout) for the server to close its side.</summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A task that completes when the stream is closed.</returns>
    /// <exception cref="TransportException">The server failed while closing.</exception>
    public async ValueTask CompleteAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_completed || _fault is not null)
            {
                return;
            }

            _completed = true;
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_options.Timeout);
            try
            {
                await _call.RequestStream.CompleteAsync().WaitAsync(timeout.Token).ConfigureAwait(false);
                while (await _call.ResponseStream.MoveNext(timeout.Token).ConfigureAwait(false))
                {
                    // No acknowledgement is outstanding; the server only closes its side now.
                }
            }
            catch (Exception ex) when (ex is not TransportException)
            {
                throw Translate(ex, -1, timeout.IsCancellationRequested, cancellationToken);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Closes the stream (abruptly if <see cref="CompleteAsync"/> was not called) and the connection.</summary>
    /// <returns>A completed task.</returns>
    public ValueTask DisposeAsync()
    {
        _call.Dispose();
        _channel.Dispose();
        _gate.Dispose();
        return ValueTask.CompletedTask;
    }

    private static string Describe(Exception ex) => ex switch
    {
        RpcException rpc when string.IsNullOrEmpty(rpc.Status.Detail) => $"status {rpc.StatusCode}",
        RpcException rpc => $"{rpc.StatusCode}: {rpc.Status.Detail}",
        _ => $"{ex.GetType().Name}: {ex.Message}",
    };

    private void ThrowIfUnusable(long sequence)
    {
        if (_fault is not null)
        {
            throw new TransportException(_fault.Failure, _fault.Peer, $"The link to {Address} failed earlier; message {sequence} was not sent. {_fault.Message}", _fault);
        }

        if (_completed)
        {
            throw new TransportException(TransportFailure.Closed, Address.ToString(), $"The link to {Address} is completed; message {sequence} was not sent.");
        }
    }

    private TransportException Fault(TransportFailure failure, string text, Exception? inner)
    {
        _fault = new TransportException(failure, Address.ToString(), text, inner);
        return _fault;
    }

    private Exception Translate(Exception ex, long sequence, bool timedOut, CancellationToken callerToken)
    {
        string what = sequence >= 0 ? $"message {sequence}" : "the end of the stream";
        if (callerToken.IsCancellationRequested && ex is OperationCanceledException or RpcException { StatusCode: StatusCode.Cancelled })
        {
            // The stream's state is unknown after a cancelled write; the link cannot be reused.
            Fault(TransportFailure.Closed, $"Sending {what} to {Address} was cancelled; the link was abandoned.", ex);
            return new OperationCanceledException($"Sending {what} to {Address} was cancelled.", ex, callerToken);
        }

        if (timedOut || ex is RpcException { StatusCode: StatusCode.DeadlineExceeded })
        {
            return Fault(TransportFailure.Timeout, $"The server at {Address} did not acknowledge {what} within {_options.Timeout}.", ex);
        }

        return ex switch
        {
            RpcException { StatusCode: StatusCode.InvalidArgument or StatusCode.ResourceExhausted } rpc =>
                Fault(TransportFailure.Rejected, $"The server at {Address} rejected {what}: {rpc.Status.Detail}", ex),
            _ => Fault(TransportFailure.PeerDropped, $"The link to {Address} broke while sending {what}: {Describe(ex)}", ex),
        };
    }
}
