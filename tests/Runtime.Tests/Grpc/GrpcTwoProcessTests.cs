using System.Diagnostics;
using PartitionCompiler.Runtime.Grpc;
using PartitionCompiler.Runtime.Sessions;
using PartitionCompiler.Runtime.Tensors;
using PartitionCompiler.Runtime.Tests.Pipeline;
using PartitionCompiler.Runtime.Tests.Sessions;
using PartitionCompiler.Runtime.Transport;

namespace PartitionCompiler.Runtime.Tests.Grpc;

public sealed class GrpcTwoProcessTests
{
    private static readonly GrpcTransportOptions Fast = new() { Timeout = TimeSpan.FromSeconds(3), KeepAliveInterval = TimeSpan.FromSeconds(1) };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_second_process_serves_stages_over_grpc_with_equal_outputs_and_its_death_is_a_transport_exception()
    {
        using var model = new ThreeStageModel();
        using var whole = new StageSession(ThreeStageModel.WholeFile, model.Folder.Path);
        using var edge = new StageSession("edge/model.stage0.onnx", model.Folder.Path);
        await using GrpcTransportServer replies = await GrpcTransportServer.StartAsync("127.0.0.1:0", Fast, Ct);
        (Process peer, Uri peerAddress) = await GrpcPeerProcess.StartAsync(model.Folder.Path, replies.Address, Ct);
        using (peer)
        {
            try
            {
                await using GrpcTransportClient toPeer = await GrpcTransportClient.ConnectAsync(peerAddress, Fast, Ct);
                var rng = new Random(4);
                for (int run = 0; run < 5; run++)
                {
                    NamedTensor x = NamedTensor.Create("X", [.. Enumerable.Range(0, 8).Select(_ => (float)(rng.NextDouble() * 2 - 1))], ThreeStageModel.InputShape);
                    await toPeer.SendAsync(new TensorMessage(0, 1, run, edge.Run(x)), Ct);
                    TensorMessage answer = await replies.ReceiveAsync(Ct);
                    Assert.Equal(run, answer.Sequence);
                    StageSessionTests.AssertClose(whole.Run(x)[0].ToArray<float>(), answer["Y"].ToArray<float>());
                }

                peer.Kill(entireProcessTree: true);
                await peer.WaitForExitAsync(Ct);

                long start = Stopwatch.GetTimestamp();
                TransportException ex = await Assert.ThrowsAsync<TransportException>(async () =>
                {
                    for (long i = 5; ; i++)
                    {
                        await toPeer.SendAsync(new TensorMessage(0, 1, i, [NamedTensor.Create("A", new float[6], 2, 3)]), Ct);
                    }
                }).WaitAsync(TimeSpan.FromSeconds(60), Ct);
                TestContext.Current.TestOutputHelper?.WriteLine($"{ex.Failure} after {Stopwatch.GetElapsedTime(start).TotalMilliseconds:0} ms: {ex.Message}");
                Assert.Equal(peerAddress.ToString(), ex.Peer);
                Assert.NotEqual(TransportFailure.Rejected, ex.Failure);

                // The reply link from the dead process is reported too, not waited on forever.
                TransportException replyError = await Assert.ThrowsAsync<TransportException>(async () => await replies.ReceiveAsync(Ct))
                    .WaitAsync(TimeSpan.FromSeconds(60), Ct);
                TestContext.Current.TestOutputHelper?.WriteLine($"{replyError.Failure}: {replyError.Message}");
            }
            finally
            {
                if (!peer.HasExited)
                {
                    peer.Kill(entireProcessTree: true);
                }
            }
        }
    }
}
