using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using PartitionCompiler.Runtime.Grpc;
using PartitionCompiler.Runtime.Tensors;
using PartitionCompiler.Runtime.Transport;

namespace PartitionCompiler.Runtime.Tests.Grpc;

/// <summary>What the gRPC transport tests share: short timeouts, small messages and a bound that turns a hang into a failure.</summary>
internal static class GrpcTestLinks
{
    /// <summary>Failure tests use a short timeout.</summary>
    public static readonly GrpcTransportOptions Fast = new() { Timeout = TimeSpan.FromSeconds(2), KeepAliveInterval = TimeSpan.FromSeconds(1) };

    /// <summary>Long enough that a failure seen under it is not a timeout.</summary>
    public static readonly GrpcTransportOptions Patient = new() { Timeout = TimeSpan.FromSeconds(30), KeepAliveInterval = TimeSpan.FromSeconds(1) };

    /// <summary>Only guarantees that a hang fails the test instead of stalling it; never a timing assertion.</summary>
    public static readonly TimeSpan NoHang = TimeSpan.FromSeconds(60);

    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TensorMessage Message(long sequence, int floats = 16) =>
        new(0, 1, sequence, [NamedTensor.Create("x", Enumerable.Range(0, floats).Select(i => (float)(i + sequence)).ToArray(), floats)]);

    public static async Task<TransportException> ExpectFailureAsync(Func<Task> action)
    {
        long start = Stopwatch.GetTimestamp();
        TransportException ex = await Assert.ThrowsAsync<TransportException>(() => action().WaitAsync(NoHang, Ct));
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{ex.Failure} after {Stopwatch.GetElapsedTime(start).TotalMilliseconds:0} ms: {ex.Message}");
        return ex;
    }

    /// <summary>Receives one message, failing the test instead of hanging.</summary>
    public static Task<TensorMessage> ReceiveAsync(GrpcTransportServer server) => server.ReceiveAsync(Ct).AsTask().WaitAsync(NoHang, Ct);

    /// <summary>A loopback port nothing listens on right now.</summary>
    public static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        int port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }
}
