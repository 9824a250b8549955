using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace PartitionCompiler.EndToEnd.Tests.Sample;

/// <summary>
/// The sample's stages as separate processes talking gRPC on 127.0.0.1, as its README runs them: the cloud and the
/// phone serve their stages, the glasses (the client) runs stage 0 on a stream of frames and gets the scores back from
/// the cloud. The outputs equal the unsplit model's; a server killed mid-stream is a clear transport error on the
/// client, within a bound, never a hang; a restarted server is found again by the links to it, and SIGTERM ends a server.
/// </summary>
[Collection(Build.PackedFeedCollection.Name)]
public sealed partial class SampleGrpcTests(Build.PackedFeed feed)
{
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(60);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Three_processes_over_grpc_return_the_unsplit_models_scores_for_every_frame()
    {
        SampleCopy sample = BuiltSample.Of(feed).Succeeded();
        var (glasses, phone, cloud) = (FreePort(), FreePort(), FreePort());
        await using SampleProcess cloudServer = SampleProcess.Start(sample, "cloud", "--serve", "cloud", "--port", Text(cloud), "--next", $"127.0.0.1:{glasses}");
        await cloudServer.WaitForLineAsync("LISTENING ", StartLimit, Ct);
        await using SampleProcess phoneServer = SampleProcess.Start(sample, "phone", "--serve", "phone", "--port", Text(phone), "--next", $"127.0.0.1:{cloud}");
        await phoneServer.WaitForLineAsync("LISTENING ", StartLimit, Ct);
        string saved = Path.Combine(sample.Folder, "grpc.runs");

        await using SampleProcess client = SampleProcess.Start(sample, "glasses",
            "--client", "--port", Text(glasses), "--next", $"127.0.0.1:{phone}", "--frames", "4", "--seed", "11", "--save", saved);
        int? exit = await client.WaitForExitAsync(TimeSpan.FromMinutes(2), Ct);

        Assert.True(exit == 0, $"the client exited with {exit?.ToString(CultureInfo.InvariantCulture) ?? "nothing (still running)"}:\n{client.Output}\nphone:\n{phoneServer.Output}\ncloud:\n{cloudServer.Output}");
        Assert.Equal(4, FrameLine().Count(client.Output));
        var runs = SavedRuns.Read(saved);
        Assert.Equal([0L, 1L, 2L, 3L], runs.Select(r => r.Sequence));
        double worst = SavedRuns.AssertEqualToUnsplitModel(sample.Model, runs);
        TestContext.Current.TestOutputHelper?.WriteLine($"4 frames over gRPC, largest relative difference {worst:G3}\n{client.Output}");
        Assert.False(phoneServer.HasExited, phoneServer.Output);
        Assert.False(cloudServer.HasExited, cloudServer.Output);
    }

    [Fact]
    public async Task Killing_the_phone_mid_stream_ends_the_client_with_a_transport_error_within_a_bound()
    {
        SampleCopy sample = BuiltSample.Of(feed).Succeeded();
        var (glasses, phone, cloud) = (FreePort(), FreePort(), FreePort());
        await using SampleProcess cloudServer = SampleProcess.Start(sample, "cloud", "--serve", "cloud", "--port", Text(cloud), "--next", $"127.0.0.1:{glasses}");
        await cloudServer.WaitForLineAsync("LISTENING ", StartLimit, Ct);
        await using SampleProcess phoneServer = SampleProcess.Start(sample, "phone", "--serve", "phone", "--port", Text(phone), "--next", $"127.0.0.1:{cloud}");
        await phoneServer.WaitForLineAsync("LISTENING ", StartLimit, Ct);
        await using SampleProcess client = SampleProcess.Start(sample, "glasses",
            "--client", "--port", Text(glasses), "--next", $"127.0.0.1:{phone}", "--frames", "100000", "--interval", "50", "--timeout", "5");
        await client.WaitForLineAsync("frame 2:", StartLimit, Ct);

        phoneServer.Kill();
        long killed = System.Diagnostics.Stopwatch.GetTimestamp();
        int? exit = await client.WaitForExitAsync(TimeSpan.FromSeconds(60), Ct);
        TimeSpan took = System.Diagnostics.Stopwatch.GetElapsedTime(killed);

        Assert.True(exit is not null, $"the client still runs 60 s after the phone was killed:\n{client.Output}");
        Assert.Equal(1, exit);
        Match error = TransportError().Match(client.Output);
        Assert.True(error.Success, client.Output);
        Assert.Contains($"127.0.0.1:{phone}", error.Value, StringComparison.Ordinal);
        TestContext.Current.TestOutputHelper?.WriteLine($"client ended {took.TotalMilliseconds:F0} ms after the kill: {error.Value}");
    }

    [Fact]
    public async Task A_restarted_cloud_and_a_second_client_are_served_without_restarting_the_phone_and_SIGTERM_ends_the_servers()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "The servers are stopped with kill -TERM, which needs Linux or macOS.");
        SampleCopy sample = BuiltSample.Of(feed).Succeeded();
        var (glasses, phone, cloud) = (FreePort(), FreePort(), FreePort());
        string[] cloudArgs = ["--serve", "cloud", "--port", Text(cloud), "--next", $"127.0.0.1:{glasses}"];
        string[] clientArgs = ["--client", "--port", Text(glasses), "--next", $"127.0.0.1:{phone}", "--frames", "2"];
        await using SampleProcess firstCloud = SampleProcess.Start(sample, "cloud", cloudArgs);
        await firstCloud.WaitForLineAsync("LISTENING ", StartLimit, Ct);
        await using SampleProcess phoneServer = SampleProcess.Start(sample, "phone", "--serve", "phone", "--port", Text(phone), "--next", $"127.0.0.1:{cloud}");
        await phoneServer.WaitForLineAsync("LISTENING ", StartLimit, Ct);
        await using (SampleProcess client = SampleProcess.Start(sample, "glasses", clientArgs))
        {
            Assert.True(await client.WaitForExitAsync(TimeSpan.FromMinutes(2), Ct) == 0, client.Output);
        }

        await StopWithSigtermAsync(firstCloud);
        await using SampleProcess secondCloud = SampleProcess.Start(sample, "cloud", cloudArgs);
        await secondCloud.WaitForLineAsync("LISTENING ", StartLimit, Ct);
        await using SampleProcess secondClient = SampleProcess.Start(sample, "glasses", clientArgs);
        int? exit = await secondClient.WaitForExitAsync(TimeSpan.FromMinutes(2), Ct);

        Assert.True(exit == 0, $"the second client exited with {exit?.ToString(CultureInfo.InvariantCulture) ?? "nothing (still running)"}:\n{secondClient.Output}\nphone:\n{phoneServer.Output}\ncloud:\n{secondCloud.Output}");
        Assert.Equal(2, FrameLine().Count(secondClient.Output));
        // The phone's link to the cloud found the restarted cloud by itself: no send of the phone failed.
        Assert.DoesNotContain("phone: link to", phoneServer.Output, StringComparison.Ordinal);
        Assert.Equal(4, PhoneSent().Count(phoneServer.Output));
        await StopWithSigtermAsync(phoneServer);
        await StopWithSigtermAsync(secondCloud);
    }

    /// <summary>Sends SIGTERM and waits for the process to end: a server that ignores it fails the test, after a bound.</summary>
    private static async Task StopWithSigtermAsync(SampleProcess server)
    {
        await server.SignalAsync("TERM", Ct);
        int? exit = await server.WaitForExitAsync(TimeSpan.FromSeconds(60), Ct);
        Assert.True(exit is not null, $"{server.Name} still runs 60 s after SIGTERM:\n{server.Output}");
        TestContext.Current.TestOutputHelper?.WriteLine($"{server.Name}: SIGTERM -> exit {exit}");
    }

    private static string Text(int port) => port.ToString(CultureInfo.InvariantCulture);

    /// <summary>A port nothing listens on right now (the OS picks it; the process that needs it binds it moments later).</summary>
    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"^frame \d+: ", RegexOptions.Multiline)]
    private static partial Regex FrameLine();

    [GeneratedRegex(@"^phone: frame \d+ -> cloud$", RegexOptions.Multiline)]
    private static partial Regex PhoneSent();

    [GeneratedRegex(@"^error: .*\((PeerDropped|ConnectionFailed|Timeout)\).*$", RegexOptions.Multiline)]
    private static partial Regex TransportError();
}
