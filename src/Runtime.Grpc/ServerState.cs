using System.Threading.Channels;

namespace PartitionCompiler.Runtime.Grpc;

/// <summary>What the gRPC service shares with its <see cref="GrpcTransportServer"/>.</summary>
internal sealed class ServerState(GrpcTransportOptions options) : IDisposable
{
    private readonly CancellationTokenSource _stopping = new();

    public GrpcTransportOptions Options { get; } = options;

    public Channel<Inbound> Inbox { get; } = Channel.CreateBounded<Inbound>(new BoundedChannelOptions(options.ReceiveCapacity)
    {
        FullMode = BoundedChannelFullMode.Wait,
    });

    public CancellationToken Stopping => _stopping.Token;

    public void Stop()
    {
        _stopping.Cancel();
        Inbox.Writer.TryComplete();
    }

    public void Dispose() => _stopping.Dispose();
}
