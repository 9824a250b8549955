using System.Net;
using PartitionCompiler.Runtime.Grpc;
using PartitionCompiler.Runtime.Tensors;
using PartitionCompiler.Runtime.Transport;
using PartitionCompiler.Runtime.Wire;
using static PartitionCompiler.Runtime.Tests.Grpc.GrpcTestLinks;

namespace PartitionCompiler.Runtime.Tests.Grpc;

public sealed class GrpcTransportTests
{
    [Fact]
    public async Task Messages_sent_by_the_client_arrive_equal_and_in_order()
    {
        await using GrpcTransportServer server = await GrpcTransportServer.StartAsync("127.0.0.1:0", cancellationToken: Ct);
        await using GrpcTransportClient client = await GrpcTransportClient.ConnectAsync(server.Address, cancellationToken: Ct);
        TensorMessage[] messages = [.. Enumerable.Range(0, 30).Select(seed => RandomTensors.Message(seed)), Message(99, floats: 2_000_000)];

        Task sending = Task.Run(async () =>
        {
            foreach (TensorMessage message in messages)
            {
                await client.SendAsync(message, Ct);
            }

            await client.CompleteAsync(Ct);
        }, Ct);
        foreach (TensorMessage message in messages)
        {
            Assert.Equal(message, await server.ReceiveAsync(Ct));
        }

        await sending;
        Assert.StartsWith("http://127.0.0.1:", server.Address.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sends_to_a_stopped_server_fail_with_a_transport_exception_naming_it_each_time()
    {
        GrpcTransportServer server = await GrpcTransportServer.StartAsync("127.0.0.1:0", Fast, Ct);
        await using GrpcTransportClient client = await GrpcTransportClient.ConnectAsync(server.Address, Fast, Ct);
        await client.SendAsync(Message(0), Ct);
        Assert.Equal(Message(0), await server.ReceiveAsync(Ct));

        await server.DisposeAsync();

        // Each send tries a new stream; with nothing listening that fails again, never hangs.
        for (long i = 1; i <= 2; i++)
        {
            TransportException ex = await ExpectFailureAsync(async () => await client.SendAsync(Message(i), Ct));
            Assert.Equal(server.Address.ToString(), ex.Peer);
            Assert.Contains(server.Address.ToString(), ex.Message, StringComparison.Ordinal);
            Assert.Contains($"message {i}", ex.Message, StringComparison.Ordinal);
            Assert.True(ex.Failure is TransportFailure.ConnectionFailed or TransportFailure.PeerDropped, ex.Failure.ToString());
        }
    }

    [Fact]
    public async Task A_killed_connection_mid_stream_makes_the_send_fail_with_a_transport_exception()
    {
        await using GrpcTransportServer server = await GrpcTransportServer.StartAsync("127.0.0.1:0", Fast, Ct);
        await using var proxy = new TcpFaultProxy(new IPEndPoint(IPAddress.Loopback, server.Address.Port));
        await using GrpcTransportClient client = await GrpcTransportClient.ConnectAsync(proxy.Address, Fast, Ct);
        await client.SendAsync(Message(0), Ct);
        Assert.Equal(Message(0), await server.ReceiveAsync(Ct));

        proxy.Kill();

        TransportException ex = await ExpectFailureAsync(async () => await client.SendAsync(Message(1, floats: 100_000), Ct));
        Assert.Equal(proxy.Address.ToString(), ex.Peer);
        Assert.NotEqual(TransportFailure.Rejected, ex.Failure);
        // The server's receiver learns that its client vanished instead of waiting forever.
        TransportException serverSide = await ExpectFailureAsync(async () => await server.ReceiveAsync(Ct));
        Assert.Equal(TransportFailure.PeerDropped, serverSide.Failure);
    }

    [Fact]
    public async Task Connection_refused_is_a_connection_failure()
    {
        int port = FreePort();

        TransportException ex = await ExpectFailureAsync(() => GrpcTransportClient.ConnectAsync($"127.0.0.1:{port}", Fast, Ct));

        Assert.Equal(TransportFailure.ConnectionFailed, ex.Failure);
        Assert.Contains($"127.0.0.1:{port}", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_peer_that_never_answers_times_out_on_connect()
    {
        await using var blackHole = new TcpFaultProxy(target: null);

        TransportException ex = await ExpectFailureAsync(() => GrpcTransportClient.ConnectAsync(blackHole.Address, Fast, Ct));

        Assert.Equal(TransportFailure.Timeout, ex.Failure);
    }

    [Fact]
    public async Task A_receiver_that_stops_reading_makes_the_sender_time_out()
    {
        var options = Fast with { ReceiveCapacity = 1 };
        await using GrpcTransportServer server = await GrpcTransportServer.StartAsync("127.0.0.1:0", options, Ct);
        await using GrpcTransportClient client = await GrpcTransportClient.ConnectAsync(server.Address, options, Ct);
        await client.SendAsync(Message(0), Ct);

        TransportException ex = await ExpectFailureAsync(async () => await client.SendAsync(Message(1), Ct));

        Assert.Equal(TransportFailure.Timeout, ex.Failure);
        Assert.Contains("did not acknowledge message 1", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_frame_over_the_servers_limits_is_rejected()
    {
        var serverOptions = Fast with { FrameLimits = new TensorFrameLimits { MaxRank = 1 } };
        await using GrpcTransportServer server = await GrpcTransportServer.StartAsync("127.0.0.1:0", serverOptions, Ct);
        await using GrpcTransportClient client = await GrpcTransportClient.ConnectAsync(server.Address, Fast, Ct);
        var matrix = new TensorMessage(0, 1, 0, [NamedTensor.Create("m", new float[4], 2, 2)]);

        TransportException ex = await ExpectFailureAsync(async () => await client.SendAsync(matrix, Ct));

        Assert.Equal(TransportFailure.Rejected, ex.Failure);
        Assert.Contains("rank 2", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_server_reports_a_receive_timeout_and_a_stop()
    {
        GrpcTransportServer server = await GrpcTransportServer.StartAsync(
            "127.0.0.1:0", Fast with { ReceiveTimeout = TimeSpan.FromMilliseconds(200) }, Ct);

        Assert.Equal(TransportFailure.Timeout, (await ExpectFailureAsync(async () => await server.ReceiveAsync(Ct))).Failure);
        await server.DisposeAsync();
        Assert.Equal(TransportFailure.Closed, (await ExpectFailureAsync(async () => await server.ReceiveAsync(Ct))).Failure);
    }
}
