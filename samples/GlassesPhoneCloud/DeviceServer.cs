using System.Net;
using PartitionCompiler.Runtime.Grpc;
using PartitionCompiler.Runtime.Sessions;
using PartitionCompiler.Runtime.Tensors;
using PartitionCompiler.Runtime.Transport;

namespace GlassesPhoneCloud;

/// <summary>
/// <c>--serve phone|cloud</c>: one device of the plan in its own process. It receives its stage's message on a gRPC
/// server, runs the stage with the generated glue and sends what comes next: the phone sends the next cut's message
/// (its outputs and the relayed <c>context</c>) to the cloud, the cloud sends the scores back to the glasses. It serves
/// until the process is ended (Ctrl+C or SIGTERM end it, as they end any .NET app; it holds nothing to flush). A sender
/// that goes away or a next device that cannot be reached is logged, and serving goes on: the link to the next device
/// connects on its first message and opens a new stream by itself once that device is back (a restarted device, a new
/// glasses client listening for scores).
/// </summary>
internal static class DeviceServer
{
    public static async Task<int> RunAsync(SampleOptions options)
    {
        string device = options.Device!;
        if (device != ScenePlan.Phone.Name && device != ScenePlan.Cloud.Name)
        {
            Console.Error.WriteLine($"error: --serve takes '{ScenePlan.Phone.Name}' or '{ScenePlan.Cloud.Name}'; the glasses are the client (--client)");
            return 1;
        }

        var link = new GrpcTransportOptions { Timeout = options.Timeout };
        GrpcTransportServer server;
        try
        {
            server = await GrpcTransportServer.StartAsync(new IPEndPoint(IPAddress.Loopback, options.Port), link);
        }
        catch (TransportException ex)
        {
            Console.Error.WriteLine($"error: {ex.Message}");
            return 1;
        }

        await using (server)
        await using (GrpcTransportClient next = GrpcTransportClient.Create(options.Next!, link))
        {
            // Loaded and run once before the first frame arrives, so that no frame waits for it.
            bool phone = device == ScenePlan.Phone.Name;
            using StageSession session = phone ? ScenePlan.Phone.Stage1.Load() : ScenePlan.Cloud.Stage2.Load();
            Warmup.Run(session, phone ? ScenePlan.Phone.Stage1.Inputs.Descriptors : ScenePlan.Cloud.Stage2.Inputs.Descriptors);
            int stage = phone ? ScenePlan.Phone.Stage1.Index : ScenePlan.Cloud.Stage2.Index;
            Console.WriteLine($"LISTENING {server.Address} {device} runs stage {stage}, sends to {next.Address}");
            try
            {
                while (true)
                {
                    await ServeOneAsync(phone, session, server, next);
                }
            }
            catch (TransportException ex) when (ex.Failure == TransportFailure.Closed)
            {
                Console.WriteLine($"{device}: stopped");
                return 0;
            }
        }
    }

    private static async Task ServeOneAsync(bool phone, StageSession session, GrpcTransportServer server, GrpcTransportClient next)
    {
        try
        {
            if (phone)
            {
                await PhoneAsync(session, server, next);
            }
            else
            {
                await CloudAsync(session, server, next);
            }
        }
        catch (TransportException ex) when (ex.Failure != TransportFailure.Closed)
        {
            // A sender that left, or a next device that is not there: log it and keep serving.
            Console.Error.WriteLine($"{(phone ? "phone" : "cloud")}: link to {ex.Peer} ({ex.Failure}): {ex.Message}");
        }
    }

    /// <summary>The phone: stage 1, then the cut to the cloud (its own outputs and the relayed long skip).</summary>
    private static async Task PhoneAsync(StageSession session, GrpcTransportServer fromGlasses, GrpcTransportClient toCloud)
    {
        ScenePlan.Phone.Stage1.Arrival arrival = await ScenePlan.Phone.Stage1.ReceiveAsync(fromGlasses);
        ScenePlan.Phone.Stage1.Outputs outputs = ScenePlan.Phone.Stage1.Run(session, arrival.Inputs);
        await ScenePlan.Phone.Stage1.SendAsync(outputs, arrival, toCloud);
        Console.WriteLine($"phone: frame {arrival.Sequence} -> cloud");
    }

    /// <summary>The cloud: stage 2, where the plan ends; the scores go back to the glasses that asked.</summary>
    private static async Task CloudAsync(StageSession session, GrpcTransportServer fromPhone, GrpcTransportClient toGlasses)
    {
        ScenePlan.Cloud.Stage2.Arrival arrival = await ScenePlan.Cloud.Stage2.ReceiveAsync(fromPhone);
        ScenePlan.Cloud.Stage2.Outputs outputs = ScenePlan.Cloud.Stage2.Run(session, arrival.Inputs);
        ScenePlan.GraphOutputs result = ScenePlan.Cloud.Stage2.CollectGraphOutputs(outputs, arrival);
        var scores = new TensorMessage(ScenePlan.Cloud.Stage2.Index, TensorMessage.NoStage, arrival.Sequence, result.ToNamedTensors());
        await toGlasses.SendAsync(scores);
        Console.WriteLine($"cloud: frame {arrival.Sequence}, class {InProcessDemo.TopClass(NamedTensor.FromDenseTensor(UnsplitModel.OutputName, result.Scores))} -> glasses");
    }
}
