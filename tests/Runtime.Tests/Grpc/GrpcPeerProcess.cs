using System.Diagnostics;
using PartitionCompiler.Runtime.Grpc;
using PartitionCompiler.Runtime.Sessions;
using PartitionCompiler.Runtime.Tensors;
using PartitionCompiler.Runtime.Transport;

namespace PartitionCompiler.Runtime.Tests.Grpc;

/// <summary>
/// The second process of the two-process test: a device that serves stages 1 and 2 of <see cref="Pipeline.ThreeStageModel"/>.
/// It listens on a free port (printing <c>LISTENING &lt;address&gt;</c>), and for every message with A runs the stages
/// and sends Y back to the reply address, until its link fails.
/// </summary>
internal static class GrpcPeerProcess
{
    public const string Verb = "--grpc-peer";
    private const string Ready = "LISTENING ";

    /// <summary>Starts this test executable in peer mode and waits for its address.</summary>
    public static async Task<(Process Process, Uri Address)> StartAsync(string stageFolder, Uri replyTo, CancellationToken ct)
    {
        string assembly = typeof(GrpcPeerProcess).Assembly.Location;
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string arg in new[] { "exec", assembly, Verb, stageFolder, replyTo.ToString() })
        {
            start.ArgumentList.Add(arg);
        }

        Process process = Process.Start(start) ?? throw new InvalidOperationException("The peer process did not start.");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith(Ready, StringComparison.Ordinal))
            {
                return (process, new Uri(line[Ready.Length..]));
            }
        }

        string errors = await process.StandardError.ReadToEndAsync(ct);
        throw new InvalidOperationException($"The peer process ended before listening: {errors}");
    }

    public static async Task<int> RunAsync(string[] args)
    {
        string stageFolder = args[0];
        var replyTo = new Uri(args[1]);
        using var stage1 = new StageSession("phone/model.stage1.onnx", stageFolder);
        using var stage2 = new StageSession("cloud/model.stage2.onnx", stageFolder);
        await using GrpcTransportServer server = await GrpcTransportServer.StartAsync("127.0.0.1:0");
        await using GrpcTransportClient reply = await GrpcTransportClient.ConnectAsync(replyTo);
        Console.WriteLine(Ready + server.Address);
        Console.Out.Flush();
        try
        {
            while (true)
            {
                TensorMessage message = await server.ReceiveAsync();
                NamedTensor a = message["A"];
                NamedTensor b = stage1.Run(a)[0];
                await reply.SendAsync(new TensorMessage(2, TensorMessage.NoStage, message.Sequence, stage2.Run(b, a)));
            }
        }
        catch (TransportException ex)
        {
            Console.Error.WriteLine(ex.Message);
            return 1;
        }
    }
}
