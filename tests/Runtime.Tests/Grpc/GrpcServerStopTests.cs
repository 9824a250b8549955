using PartitionCompiler.Runtime.Grpc;
using PartitionCompiler.Runtime.Transport;
using static PartitionCompiler.Runtime.Tests.Grpc.GrpcTestLinks;

namespace PartitionCompiler.Runtime.Tests.Grpc;

/// <summary>
/// What <see cref="GrpcTransportServer.ReceiveAsync"/> reports: <see cref="TransportFailure.Closed"/> once the server is
/// stopped and what it acknowledged has been received, to receivers already waiting and to later ones; a client that
/// completes its stream is not reported (the server goes on serving other clients).
/// </summary>
public sealed class GrpcServerStopTests
{
    [Fact]
    public async Task Receives_waiting_when_the_server_stops_end_with_closed_and_so_do_later_ones()
    {
        GrpcTransportServer server = await GrpcTransportServer.StartAsync("127.0.0.1:0", Fast, Ct);
        await using GrpcTransportClient client = await GrpcTransportClient.ConnectAsync(server.Address, Fast, Ct);
        Task<TensorMessage>[] waiting = [.. Enumerable.Range(0, 3).Select(_ => server.ReceiveAsync(Ct).AsTask())];

        await server.DisposeAsync();

        foreach (Task<TensorMessage> receive in waiting)
        {
            Assert.Equal(TransportFailure.Closed, (await ExpectFailureAsync(() => receive)).Failure);
        }

        TransportException later = await ExpectFailureAsync(() => ReceiveAsync(server));
        Assert.Equal(TransportFailure.Closed, later.Failure);
        Assert.Equal(server.Address.ToString(), later.Peer);
    }

    [Fact]
    public async Task A_clients_completion_is_not_reported_and_the_receiver_goes_on_with_the_next_client()
    {
        GrpcTransportServer server = await GrpcTransportServer.StartAsync("127.0.0.1:0", Fast, Ct);
        await using (GrpcTransportClient first = await GrpcTransportClient.ConnectAsync(server.Address, Fast, Ct))
        {
            await first.SendAsync(Message(0), Ct);
            await first.CompleteAsync(Ct);
        }

        await using GrpcTransportClient second = await GrpcTransportClient.ConnectAsync(server.Address, Fast, Ct);
        await second.SendAsync(Message(1), Ct);

        Assert.Equal(Message(0), await ReceiveAsync(server));
        Assert.Equal(Message(1), await ReceiveAsync(server));
        await second.CompleteAsync(Ct);
        Task<TensorMessage> pending = server.ReceiveAsync(Ct).AsTask();
        await server.DisposeAsync();
        Assert.Equal(TransportFailure.Closed, (await ExpectFailureAsync(() => pending)).Failure);
    }
}
