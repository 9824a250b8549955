using Grpc.Core;
using PartitionCompiler.Runtime.Transport;
using PartitionCompiler.Runtime.Wire;

namespace PartitionCompiler.Runtime.Grpc;

/// <summary>
/// The sending end of a gRPC link: a long-lived HTTP/2 stream to a <see cref="GrpcTransportServer"/>. Each
/// <see cref="SendAsync"/> writes one frame and waits for the server's acknowledgement, at most
/// <see cref="GrpcTransportOptions.Timeout"/>. A failure is a <see cref="TransportException"/> naming the server's
/// address, and the message it names was not acknowledged (it is never sent again by the client: no duplicates).
/// </summary>
/// <remarks>
/// The client outlives its streams. When a stream ends (the server stopped or restarted, the connection broke, a send
/// failed or was cancelled), the next send opens a new one on the same address first, bounded by the timeout; a server
/// that is back is thus used again without the caller reconnecting. A send that was waiting for its acknowledgement
/// when the stream ended fails with <see cref="TransportFailure.PeerDropped"/>, and one whose new stream cannot be opened
/// fails with <see cref="TransportFailure.ConnectionFailed"/> or <see cref="TransportFailure.Timeout"/>; in both cases
/// the caller decides whether to send that message again. Only <see cref="CompleteAsync"/> and disposal end the client.
/// </remarks>
public sealed class GrpcTransportClient : ITensorSender
{
    private readonly GrpcTransportOptions _options;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private LinkStream? _stream;
    private bool _completed;

    private GrpcTransportClient(Uri address, GrpcTransportOptions options)
    {
        Address = address;
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
        GrpcTransportClient client = Create(address, options);
        try
        {
            client._stream = await client.OpenStreamAsync(string.Empty, cancellationToken).ConfigureAwait(false);
            return client;
        }
        catch
        {
            await client.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Connects to a server given as a URI string or as <c>host:port</c> (then <c>http://</c> is assumed).</summary>
    /// <param name="address">For example <c>http://127.0.0.1:5000</c> or <c>127.0.0.1:5000</c>.</param>
    /// <param name="options">Timeouts and limits; default <see cref="GrpcTransportOptions.Default"/>.</param>
    /// <param name="cancellationToken">Cancels the connect.</param>
    /// <returns>The connected client.</returns>
    public static Task<GrpcTransportClient> ConnectAsync(
        string address, GrpcTransportOptions? options = null, CancellationToken cancellationToken = default) =>
        ConnectAsync(ParseAddress(address), options, cancellationToken);

    /// <summary>
    /// Creates a client without connecting: its first <see cref="SendAsync"/> opens the stream (for a server that may
    /// not be up yet when the client is made).
    /// </summary>
    /// <param name="address">The server's address, for example <c>http://127.0.0.1:5000</c>.</param>
    /// <param name="options">Timeouts and limits; default <see cref="GrpcTransportOptions.Default"/>.</param>
    /// <returns>The client.</returns>
    public static GrpcTransportClient Create(Uri address, GrpcTransportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(address);
        options ??= GrpcTransportOptions.Default;
        options.Validate();
        return new GrpcTransportClient(address, options);
    }

    /// <summary>Creates a client without connecting, for an address given as a URI string or as <c>host:port</c>.</summary>
    /// <param name="address">For example <c>http://127.0.0.1:5000</c> or <c>127.0.0.1:5000</c>.</param>
    /// <param name="options">Timeouts and limits; default <see cref="GrpcTransportOptions.Default"/>.</param>
    /// <returns>The client.</returns>
    public static GrpcTransportClient Create(string address, GrpcTransportOptions? options = null) =>
        Create(ParseAddress(address), options);

    /// <inheritdoc />
    /// <remarks>Opens a new stream first when the client has none (see the class remarks).</remarks>
    /// <exception cref="TensorFrameException">The message exceeds the frame limits (nothing was sent; the link is unchanged).</exception>
    public async ValueTask SendAsync(TensorMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        byte[] frame = TensorFrame.Encode(message, _options.FrameLimits);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_completed)
            {
                throw new TransportException(TransportFailure.Closed, Address.ToString(), $"The link to {Address} is completed; message {message.Sequence} was not sent.");
            }

            if (_stream is { IsOpen: false })
            {
                DropStream();
            }

            _stream ??= await OpenStreamAsync($"; message {message.Sequence} was not sent", cancellationToken).ConfigureAwait(false);
            await ExchangeAsync(_stream, frame, message.Sequence, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Ends the stream gracefully and waits (at most the timeout) for the server to close its side. Later sends throw
    /// <see cref="TransportFailure.Closed"/>. A client whose stream has already ended just closes. The server does not
    /// pass one client's completion on to its receiver (see <see cref="GrpcTransportServer"/>).
    /// </summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A task that completes when the stream is closed.</returns>
    /// <exception cref="TransportException">The server failed while closing.</exception>
    public async ValueTask CompleteAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_completed)
            {
                return;
            }

            _completed = true;
            if (_stream is not { IsOpen: true } stream)
            {
                DropStream();
                return;
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_options.Timeout);
            try
            {
                await stream.CompleteAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not TransportException)
            {
                throw Translate(ex, "the end of the stream", timeout.IsCancellationRequested, cancellationToken);
            }
            finally
            {
                DropStream();
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
        DropStream();
        _gate.Dispose();
        return ValueTask.CompletedTask;
    }

    private static Uri ParseAddress(string address)
    {
        ArgumentException.ThrowIfNullOrEmpty(address);
        return new Uri(address.Contains("://", StringComparison.Ordinal) ? address : "http://" + address);
    }

    private static string Describe(Exception ex) => ex switch
    {
        RpcException rpc when string.IsNullOrEmpty(rpc.Status.Detail) => $"status {rpc.StatusCode}",
        RpcException rpc => $"{rpc.StatusCode}: {rpc.Status.Detail}",
        _ => $"{ex.GetType().Name}: {ex.Message}",
    };

    /// <summary>Opens a stream; <paramref name="consequence"/> ends the failure's message (what was not sent).</summary>
    private async Task<LinkStream> OpenStreamAsync(string consequence, CancellationToken cancellationToken)
    {
        try
        {
            return await LinkStream.OpenAsync(Address, _options, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException ex)
        {
            throw new TransportException(
                TransportFailure.Timeout, Address.ToString(), $"The server at {Address} did not answer within {_options.Timeout}{consequence}.", ex);
        }
        catch (Exception ex) when (ex is RpcException or IOException or HttpRequestException)
        {
            throw new TransportException(
                TransportFailure.ConnectionFailed, Address.ToString(), $"Cannot connect to {Address}: {Describe(ex)}{consequence}.", ex);
        }
    }

    /// <summary>Writes one frame and waits for its acknowledgement; on any failure the stream is dropped.</summary>
    private async Task ExchangeAsync(LinkStream stream, byte[] frame, long sequence, CancellationToken cancellationToken)
    {
        string what = $"message {sequence}";
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.Timeout);
        try
        {
            await stream.WriteAsync(frame, timeout.Token).ConfigureAwait(false);
            long? acknowledged = await stream.ReadAckAsync(timeout.Token).ConfigureAwait(false);
            if (acknowledged is null)
            {
                throw new TransportException(
                    TransportFailure.PeerDropped, Address.ToString(), $"The server at {Address} closed the stream without acknowledging {what}.");
            }

            if (acknowledged != sequence)
            {
                throw new TransportException(
                    TransportFailure.Rejected, Address.ToString(), $"The server at {Address} acknowledged message {acknowledged} instead of {sequence}.");
            }
        }
        catch (TransportException)
        {
            DropStream();
            throw;
        }
        catch (Exception ex)
        {
            DropStream();
            throw Translate(ex, what, timeout.IsCancellationRequested, cancellationToken);
        }
    }

    private void DropStream()
    {
        _stream?.Dispose();
        _stream = null;
    }

    private Exception Translate(Exception ex, string what, bool timedOut, CancellationToken callerToken)
    {
        if (callerToken.IsCancellationRequested && ex is OperationCanceledException or RpcException { StatusCode: StatusCode.Cancelled })
        {
            return new OperationCanceledException($"Sending {what} to {Address} was cancelled; the stream was dropped.", ex, callerToken);
        }

        string peer = Address.ToString();
        if (timedOut || ex is RpcException { StatusCode: StatusCode.DeadlineExceeded })
        {
            return new TransportException(TransportFailure.Timeout, peer, $"The server at {Address} did not acknowledge {what} within {_options.Timeout}.", ex);
        }

        return ex switch
        {
            RpcException { StatusCode: StatusCode.InvalidArgument or StatusCode.ResourceExhausted } rpc =>
                new TransportException(TransportFailure.Rejected, peer, $"The server at {Address} rejected {what}: {rpc.Status.Detail}", ex),
            _ => new TransportException(TransportFailure.PeerDropped, peer, $"The link to {Address} broke while sending {what}: {Describe(ex)}", ex),
        };
    }
}
