using PartitionCompiler.Runtime.Grpc;
using PartitionCompiler.Runtime.Transport;

namespace GlassesPhoneCloud;

/// <summary>
/// The link a server sends on: connected on first use, and dropped after a failure so that the next message connects
/// again (the next device may have been restarted, or a new client may be listening for scores).
/// </summary>
internal sealed class Downstream(string address, GrpcTransportOptions options) : IAsyncDisposable
{
    private GrpcTransportClient? _client;

    public string Address => address;

    /// <summary>
    /// Sends one message. A connection left over from an earlier message whose peer has gone since (a client that
    /// finished, a restarted device) fails on first use; then the message is sent once more on a fresh connection. A
    /// <see cref="TransportException"/> from a fresh connection leaves the link disconnected.
    /// </summary>
    public async Task SendAsync(Func<ITensorSender, ValueTask> send, CancellationToken cancellationToken)
    {
        for (int attempt = 0; ; attempt++)
        {
            bool reused = _client is not null;
            try
            {
                _client ??= await GrpcTransportClient.ConnectAsync(address, options, cancellationToken);
                await send(_client);
                return;
            }
            catch (TransportException) when (reused && attempt == 0)
            {
                await DropAsync();
            }
            catch (TransportException)
            {
                await DropAsync();
                throw;
            }
        }
    }

    public ValueTask DisposeAsync() => DropAsync(graceful: true);

    private async ValueTask DropAsync(bool graceful = false)
    {
        if (_client is null)
        {
            return;
        }

        try
        {
            if (graceful)
            {
                await _client.CompleteAsync();
            }
        }
        catch (TransportException)
        {
            // The peer is gone already.
        }
        finally
        {
            await _client.DisposeAsync();
            _client = null;
        }
    }
}
