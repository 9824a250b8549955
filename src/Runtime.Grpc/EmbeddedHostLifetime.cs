using Microsoft.Extensions.Hosting;

namespace PartitionCompiler.Runtime.Grpc;

/// <summary>
/// The lifetime of the web host inside a <see cref="GrpcTransportServer"/>: it does nothing. The host's default
/// lifetime would take SIGINT (Ctrl+C), SIGQUIT and SIGTERM away from the app that embeds the server (it cancels their
/// default action and asks the host to stop instead), so a process waiting in
/// <see cref="GrpcTransportServer.ReceiveAsync"/> ignored them. The app owns its process; the server starts and stops
/// only when the app says so.
/// </summary>
internal sealed class EmbeddedHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
