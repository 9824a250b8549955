using System.Net;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using PartitionCompiler.Runtime.Transport;

namespace PartitionCompiler.Runtime.Grpc;

/// <summary>
/// The receiving end of a gRPC link: hosts the link's gRPC service on Kestrel (HTTP/2 without TLS) at a given
/// address and delivers every message that clients send to <see cref="ReceiveAsync"/>, in arrival order.
/// Start it with <see cref="StartAsync(IPEndPoint, GrpcTransportOptions?, CancellationToken)"/>; dispose it to stop.
/// </summary>
/// <remarks>
/// The server takes nothing of the process that hosts it: it installs no console lifetime and no signal handling, so
/// Ctrl+C and SIGTERM mean what the app makes them mean (by default they end the process). An app that stops
/// gracefully disposes the server; its receive loop then ends with <see cref="TransportFailure.Closed"/>.
/// Clients come and go: a client that completes its stream is not reported to <see cref="ReceiveAsync"/> (nothing it
/// sent is lost: each message was queued before it was acknowledged), one that goes away without completing (its
/// process ended, its connection broke) is reported as <see cref="TransportFailure.PeerDropped"/> after the messages
/// it sent, and <see cref="TransportFailure.Closed"/>
/// means only that this server is stopped and its queue drained.
/// </remarks>
public sealed class GrpcTransportServer : ITensorReceiver
{
    private readonly WebApplication _app;
    private readonly ServerState _state;
    private int _stopped;

    private GrpcTransportServer(WebApplication app, ServerState state, Uri address)
    {
        _app = app;
        _state = state;
        Address = address;
    }

    /// <summary>The address clients connect to, for example <c>http://127.0.0.1:5000</c> (the real port when 0 was asked).</summary>
    public Uri Address { get; }

    /// <summary>Starts a server listening on <paramref name="endPoint"/>.</summary>
    /// <param name="endPoint">The address and port to bind, for example <c>127.0.0.1:0</c> for a free port.</param>
    /// <param name="options">Timeouts and limits; default <see cref="GrpcTransportOptions.Default"/>.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running server.</returns>
    /// <exception cref="TransportException">The address cannot be bound (<see cref="TransportFailure.ConnectionFailed"/>).</exception>
    public static async Task<GrpcTransportServer> StartAsync(
        IPEndPoint endPoint, GrpcTransportOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(endPoint);
        options ??= GrpcTransportOptions.Default;
        options.Validate();
        var state = new ServerState(options);
        WebApplicationBuilder builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(endPoint, listen => listen.Protocols = HttpProtocols.Http2);
            kestrel.Limits.MaxRequestBodySize = null;
            kestrel.Limits.Http2.KeepAlivePingDelay = options.KeepAliveInterval;
            kestrel.Limits.Http2.KeepAlivePingTimeout = options.Timeout;
        });
        builder.Services.AddRouting();
        builder.Services.AddGrpc(grpc =>
        {
            grpc.MaxReceiveMessageSize = options.MaxMessageBytes;
            grpc.MaxSendMessageSize = 1024;
        });
        builder.Services.AddSingleton(state);
        // The app owns its process: no console lifetime, so signals keep their meaning for the app (see EmbeddedHostLifetime).
        builder.Services.Replace(ServiceDescriptor.Singleton<IHostLifetime, EmbeddedHostLifetime>());
        WebApplication app = builder.Build();
        // However the host comes to stop, receivers learn it at once instead of waiting for a message that cannot come.
        app.Lifetime.ApplicationStopping.Register(state.Stop);
        app.UseRouting();
        app.MapGrpcService<TensorLinkService>();
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException ex)
        {
            await app.DisposeAsync().ConfigureAwait(false);
            state.Dispose();
            throw new TransportException(TransportFailure.ConnectionFailed, endPoint.ToString(), $"Cannot listen on {endPoint}: {ex.Message}", ex);
        }

        string bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new GrpcTransportServer(app, state, new Uri(bound));
    }

    /// <summary>Starts a server listening on an address written as <c>host:port</c>, for example <c>127.0.0.1:5000</c>.</summary>
    /// <param name="endPoint">An IP address and port.</param>
    /// <param name="options">Timeouts and limits; default <see cref="GrpcTransportOptions.Default"/>.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running server.</returns>
    public static Task<GrpcTransportServer> StartAsync(
        string endPoint, GrpcTransportOptions? options = null, CancellationToken cancellationToken = default) =>
        StartAsync(IPEndPoint.Parse(endPoint), options, cancellationToken);

    /// <inheritdoc />
    /// <exception cref="TransportException">A client dropped its stream (<see cref="TransportFailure.PeerDropped"/>),
    /// <see cref="GrpcTransportOptions.ReceiveTimeout"/> passed (<see cref="TransportFailure.Timeout"/>), or the
    /// server is stopped and what it acknowledged has been received (<see cref="TransportFailure.Closed"/>; a receive
    /// waiting when the server stops ends with it at once).</exception>
    public async ValueTask<TensorMessage> ReceiveAsync(CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (_state.Options.ReceiveTimeout is { } limit)
        {
            timeout.CancelAfter(limit);
        }

        Inbound item;
        try
        {
            item = await _state.Inbox.Reader.ReadAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TransportException(
                TransportFailure.Timeout, Address.ToString(), $"No message reached {Address} within {_state.Options.ReceiveTimeout}.", ex);
        }
        catch (ChannelClosedException ex)
        {
            throw new TransportException(TransportFailure.Closed, Address.ToString(), $"The server at {Address} is stopped; no message follows.", ex);
        }

        return item.Message ?? throw item.Error!;
    }

    /// <summary>
    /// Stops the server: open streams end (a client waiting for an acknowledgement sees
    /// <see cref="TransportFailure.PeerDropped"/>), messages already acknowledged can still be received, and then every
    /// receive, pending or later, throws <see cref="TransportFailure.Closed"/>.
    /// </summary>
    /// <returns>A task that completes when the server has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) != 0)
        {
            return;
        }

        _state.Stop();
        using var grace = new CancellationTokenSource(_state.Options.Timeout);
        try
        {
            await _app.StopAsync(grace.Token).ConfigureAwait(false);
        }
        finally
        {
            await _app.DisposeAsync().ConfigureAwait(false);
            _state.Dispose();
        }
    }
}
