using PartitionCompiler.Runtime.Grpc;
using PartitionCompiler.Runtime.Sessions;
using PartitionCompiler.Runtime.Tensors;
using PartitionCompiler.Runtime.Tests.Pipeline;
using PartitionCompiler.Runtime.Tests.Sessions;
using PartitionCompiler.Runtime.Transport;

namespace PartitionCompiler.Runtime.Tests.Grpc;

public sealed class GrpcPipelineTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Stages_linked_by_grpc_give_the_whole_models_outputs()
    {
        using var model = new ThreeStageModel();
        using var whole = new StageSession(ThreeStageModel.WholeFile, model.Folder.Path);
        using var edge = new StageSession("edge/model.stage0.onnx", model.Folder.Path);
        using var phone = new StageSession("phone/model.stage1.onnx", model.Folder.Path);
        using var cloud = new StageSession("cloud/model.stage2.onnx", model.Folder.Path);
        await using GrpcTransportServer phoneServer = await GrpcTransportServer.StartAsync("127.0.0.1:0", cancellationToken: Ct);
        await using GrpcTransportServer cloudServer = await GrpcTransportServer.StartAsync("127.0.0.1:0", cancellationToken: Ct);
        const int Runs = 10;

        // The "phone": receives A from the edge, runs stage 1, forwards A and B to the cloud.
        Task phoneLoop = Task.Run(async () =>
        {
            await using GrpcTransportClient toCloud = await GrpcTransportClient.ConnectAsync(cloudServer.Address, cancellationToken: Ct);
            for (int run = 0; run < Runs; run++)
            {
                TensorMessage fromEdge = await phoneServer.ReceiveAsync(Ct);
                NamedTensor b = Assert.Single(phone.Run(fromEdge["A"]));
                await toCloud.SendAsync(new TensorMessage(1, 2, fromEdge.Sequence, [b, fromEdge["A"]]), Ct);
            }

            await toCloud.CompleteAsync(Ct);
        }, Ct);

        await using GrpcTransportClient toPhone = await GrpcTransportClient.ConnectAsync(phoneServer.Address, cancellationToken: Ct);
        var rng = new Random(9);
        for (int run = 0; run < Runs; run++)
        {
            NamedTensor x = NamedTensor.Create("X", [.. Enumerable.Range(0, 8).Select(_ => (float)(rng.NextDouble() * 2 - 1))], ThreeStageModel.InputShape);
            await toPhone.SendAsync(new TensorMessage(0, 1, run, edge.Run(x)), Ct);

            TensorMessage atCloud = await cloudServer.ReceiveAsync(Ct);
            Assert.Equal(run, atCloud.Sequence);
            NamedTensor y = Assert.Single(cloud.Run(atCloud.Tensors));
            StageSessionTests.AssertClose(whole.Run(x)[0].ToArray<float>(), y.ToArray<float>());
        }

        await toPhone.CompleteAsync(Ct);
        await phoneLoop;
    }
}
