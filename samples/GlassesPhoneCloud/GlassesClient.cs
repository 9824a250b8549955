using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using PartitionCompiler.Runtime.Grpc;
using PartitionCompiler.Runtime.Sessions;
using PartitionCompiler.Runtime.Tensors;
using PartitionCompiler.Runtime.Transport;

namespace GlassesPhoneCloud;

/// <summary>
/// <c>--client</c>: the glasses. Streams camera frames: each runs stage 0 here and goes to the phone with the generated
/// glue, while the scores come back from the cloud on this process's own gRPC server and are checked against the unsplit
/// model. Any link failure ends the run with exit code 1 and one line naming the link, e.g.
/// <c>error: the link to the phone at http://127.0.0.1:5002/ failed (PeerDropped): ...</c>.
/// </summary>
internal static class GlassesClient
{
    public static async Task<int> RunAsync(SampleOptions options)
    {
        var link = new GrpcTransportOptions { Timeout = options.Timeout, ReceiveTimeout = options.Timeout };
        try
        {
            await using GrpcTransportServer scores = await GrpcTransportServer.StartAsync(new IPEndPoint(IPAddress.Loopback, options.Port), link);
            Console.WriteLine($"LISTENING {scores.Address} glasses: scores come back here");
            // Loaded and run once before the first frame, so that no frame's time includes that.
            using StageSession stage0 = ScenePlan.Glasses.Stage0.Load();
            Warmup.Run(stage0, ScenePlan.Glasses.Stage0.Inputs.Descriptors);
            using var unsplit = new UnsplitModel();
            unsplit.Run(SceneInput.Frame(0));
            await using GrpcTransportClient toPhone = await GrpcTransportClient.ConnectAsync(options.Next!, link);
            using var stop = new CancellationTokenSource();
            var frames = new ConcurrentDictionary<long, (NamedTensor Image, long SentAt)>();
            Task sending = SendFramesAsync(options, stage0, toPhone, frames, stop.Token);
            Task<bool> receiving = ReceiveScoresAsync(options, unsplit, scores, frames, stop.Token);
            Task first = await Task.WhenAny(sending, receiving);
            if (first.IsFaulted)
            {
                await stop.CancelAsync();
            }

            // The first failure wins; the other task then only sees the cancellation.
            await first;
            await sending;
            bool equal = await receiving;
            await toPhone.CompleteAsync();
            return equal ? 0 : 1;
        }
        catch (TransportException ex)
        {
            Console.Error.WriteLine(ex.Peer.Contains(options.Next!, StringComparison.Ordinal)
                ? $"error: the link to the phone at {ex.Peer} failed ({ex.Failure}): {ex.Message}"
                : $"error: the scores link from the cloud to {ex.Peer} failed ({ex.Failure}): {ex.Message}");
            return 1;
        }
        catch (InvalidOperationException ex)
        {
            Console.Error.WriteLine($"error: {ex.Message}");
            return 1;
        }
    }

    /// <summary>Runs stage 0 on each frame and sends the cut's message to the phone.</summary>
    private static async Task SendFramesAsync(
        SampleOptions options, StageSession stage0, GrpcTransportClient toPhone, ConcurrentDictionary<long, (NamedTensor, long)> frames, CancellationToken cancellationToken)
    {
        for (long frame = 0; frame < options.Frames; frame++)
        {
            NamedTensor image = SceneInput.Frame(options.Seed + (int)frame);
            frames[frame] = (image, Stopwatch.GetTimestamp());
            ScenePlan.Glasses.Stage0.Arrival arrival = ScenePlan.Glasses.Stage0.Arrive(new() { Image = image.ToDenseTensor<float>() }, sequence: frame);
            ScenePlan.Glasses.Stage0.Outputs outputs = await ScenePlan.Glasses.Stage0.RunAsync(stage0, arrival.Inputs, cancellationToken);
            await ScenePlan.Glasses.Stage0.SendAsync(outputs, arrival, toPhone, cancellationToken);
            if (options.Interval > TimeSpan.Zero)
            {
                await Task.Delay(options.Interval, cancellationToken);
            }
        }
    }

    /// <summary>Takes each frame's scores from the cloud and compares them with the unsplit model's; true when all are equal.</summary>
    private static async Task<bool> ReceiveScoresAsync(
        SampleOptions options, UnsplitModel unsplit, GrpcTransportServer fromCloud, ConcurrentDictionary<long, (NamedTensor Image, long SentAt)> frames, CancellationToken cancellationToken)
    {
        await using var saved = new SavedRunsFile(options.SaveFile);
        int equal = 0;
        double worst = 0;
        for (int received = 0; received < options.Frames; received++)
        {
            TensorMessage message = await fromCloud.ReceiveAsync(cancellationToken);
            if (!frames.TryRemove(message.Sequence, out var frame))
            {
                throw new InvalidOperationException($"scores arrived for frame {message.Sequence}, which was not sent");
            }

            double ms = Stopwatch.GetElapsedTime(frame.SentAt).TotalMilliseconds;
            NamedTensor scores = NamedTensor.FromDenseTensor(UnsplitModel.OutputName, ScenePlan.GraphOutputs.FromNamedTensors(message.Tensors).Scores);
            ScoreDifference difference = ScoreDifference.Between(scores, unsplit.Run(frame.Image));
            equal += difference.Equal ? 1 : 0;
            worst = Math.Max(worst, difference.MaxRel);
            await saved.AddAsync(message.Sequence, frame.Image, scores);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"frame {message.Sequence}: class {InProcessDemo.TopClass(scores)}, {ms:F1} ms glasses -> phone -> cloud -> glasses; split vs unsplit: {difference}"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{options.Frames} frames sent, {equal} equal to the unsplit model (largest max rel difference {worst:G3})"));
        return equal == options.Frames;
    }
}
