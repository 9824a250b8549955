using System.Net;
using PartitionCompiler.Runtime.Grpc;
using PartitionCompiler.Runtime.Transport;
using static PartitionCompiler.Runtime.Tests.Grpc.GrpcTestLinks;

namespace PartitionCompiler.Runtime.Tests.Grpc;

/// <summary>
/// A <see cref="GrpcTransportClient"/> outlives its streams: after its server went away, its next send opens a new
/// stream and reaches the server that is back; a send waiting for its acknowledgement when the server went away fails
/// with <see cref="TransportFailure.PeerDropped"/> and is not delivered twice.
/// </summary>
public sealed class GrpcReconnectTests
{
    [Fact]
    public async Task A_client_idle_while_its_server_restarts_on_the_same_port_sends_its_next_message_there()
    {
        GrpcTransportServer first = await GrpcTransportServer.StartAsync("127.0.0.1:0", Fast, Ct);
        var endPoint = new IPEndPoint(IPAddress.Loopback, first.Address.Port);
        await using GrpcTransportClient client = await GrpcTransportClient.ConnectAsync(first.Address, Fast, Ct);
        await client.SendAsync(Message(0), Ct);
        Assert.Equal(Message(0), await ReceiveAsync(first));

        await first.DisposeAsync();
        await using GrpcTransportServer second = await GrpcTransportServer.StartAsync(endPoint, Fast, Ct);

        await client.SendAsync(Message(1), Ct);
        await client.SendAsync(Message(2), Ct);
        Assert.Equal(Message(1), await ReceiveAsync(second));
        Assert.Equal(Message(2), await ReceiveAsync(second));
    }

    [Fact]
    public async Task A_send_while_the_server_is_down_fails_and_the_next_one_reaches_the_restarted_server()
    {
        GrpcTransportServer first = await GrpcTransportServer.StartAsync("127.0.0.1:0", Fast, Ct);
        var endPoint = new IPEndPoint(IPAddress.Loopback, first.Address.Port);
        await using GrpcTransportClient client = await GrpcTransportClient.ConnectAsync(first.Address, Fast, Ct);
        await client.SendAsync(Message(0), Ct);
        Assert.Equal(Message(0), await ReceiveAsync(first));
        await first.DisposeAsync();

        TransportException down = await ExpectFailureAsync(async () => await client.SendAsync(Message(1), Ct));
        await using GrpcTransportServer second = await GrpcTransportServer.StartAsync(endPoint, Fast, Ct);
        await client.SendAsync(Message(2), Ct);

        Assert.True(down.Failure is TransportFailure.ConnectionFailed or TransportFailure.PeerDropped, down.Failure.ToString());
        Assert.Contains("message 1", down.Message, StringComparison.Ordinal);
        // The failed message is not sent again behind the caller's back: the restarted server gets message 2 first.
        Assert.Equal(Message(2), await ReceiveAsync(second));
    }

    [Fact]
    public async Task A_client_created_before_its_server_is_up_connects_on_a_later_send()
    {
        int port = FreePort();
        await using GrpcTransportClient client = GrpcTransportClient.Create($"127.0.0.1:{port}", Fast);

        TransportException early = await ExpectFailureAsync(async () => await client.SendAsync(Message(0), Ct));
        await using GrpcTransportServer server = await GrpcTransportServer.StartAsync(new IPEndPoint(IPAddress.Loopback, port), Fast, Ct);
        await client.SendAsync(Message(1), Ct);

        Assert.Equal(TransportFailure.ConnectionFailed, early.Failure);
        Assert.Contains($"127.0.0.1:{port}", early.Message, StringComparison.Ordinal);
        Assert.Equal(Message(1), await ReceiveAsync(server));
    }

    [Fact]
    public async Task A_send_waiting_for_its_acknowledgement_when_the_server_stops_fails_with_peer_dropped()
    {
        // A server whose receiver reads nothing and queues one message: message 1 waits unacknowledged.
        var options = Patient with { ReceiveCapacity = 1 };
        GrpcTransportServer first = await GrpcTransportServer.StartAsync("127.0.0.1:0", options, Ct);
        var endPoint = new IPEndPoint(IPAddress.Loopback, first.Address.Port);
        await using GrpcTransportClient client = await GrpcTransportClient.ConnectAsync(first.Address, options, Ct);
        await client.SendAsync(Message(0), Ct);
        Task inFlight = client.SendAsync(Message(1), Ct).AsTask();

        await first.DisposeAsync();

        TransportException dropped = await ExpectFailureAsync(() => inFlight);
        Assert.Equal(TransportFailure.PeerDropped, dropped.Failure);
        Assert.Contains("message 1", dropped.Message, StringComparison.Ordinal);
        // What was acknowledged is still received; then the stopped server says so.
        Assert.Equal(Message(0), await ReceiveAsync(first));
        Assert.Equal(TransportFailure.Closed, (await ExpectFailureAsync(() => ReceiveAsync(first))).Failure);

        await using GrpcTransportServer second = await GrpcTransportServer.StartAsync(endPoint, options, Ct);
        await client.SendAsync(Message(2), Ct);
        Assert.Equal(Message(2), await ReceiveAsync(second));
    }

    [Fact]
    public async Task A_send_waiting_for_its_acknowledgement_when_the_connection_is_reset_fails_with_peer_dropped()
    {
        var options = Patient with { ReceiveCapacity = 1 };
        await using GrpcTransportServer server = await GrpcTransportServer.StartAsync("127.0.0.1:0", options, Ct);
        await using var proxy = new TcpFaultProxy(new IPEndPoint(IPAddress.Loopback, server.Address.Port));
        await using GrpcTransportClient client = await GrpcTransportClient.ConnectAsync(proxy.Address, options, Ct);
        await client.SendAsync(Message(0), Ct);
        Task inFlight = client.SendAsync(Message(1), Ct).AsTask();

        proxy.Kill();

        TransportException dropped = await ExpectFailureAsync(() => inFlight);
        Assert.Equal(TransportFailure.PeerDropped, dropped.Failure);
        Assert.Equal(proxy.Address.ToString(), dropped.Peer);
    }

    [Fact]
    public async Task A_completed_client_refuses_later_sends_as_closed()
    {
        await using GrpcTransportServer server = await GrpcTransportServer.StartAsync("127.0.0.1:0", Fast, Ct);
        await using GrpcTransportClient client = await GrpcTransportClient.ConnectAsync(server.Address, Fast, Ct);
        await client.SendAsync(Message(0), Ct);
        await client.CompleteAsync(Ct);

        TransportException ex = await ExpectFailureAsync(async () => await client.SendAsync(Message(1), Ct));

        Assert.Equal(TransportFailure.Closed, ex.Failure);
        Assert.Equal(Message(0), await ReceiveAsync(server));
    }
}
