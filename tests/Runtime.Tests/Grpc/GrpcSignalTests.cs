using System.Diagnostics;
using System.Globalization;

namespace PartitionCompiler.Runtime.Tests.Grpc;

/// <summary>
/// A process hosting a <see cref="PartitionCompiler.Runtime.Grpc.GrpcTransportServer"/> keeps the app's own signal
/// behaviour: SIGTERM and SIGINT (Ctrl+C) end it exactly as they end the same app without a server, and an app that
/// handles the signal itself stops its receive loop through the server. The bound only turns a hang into a failure.
/// </summary>
public sealed class GrpcSignalTests
{
    private static readonly TimeSpan NoHang = TimeSpan.FromSeconds(60);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("TERM")]
    [InlineData("INT")]
    public async Task A_signal_ends_a_process_waiting_in_receive_as_it_ends_the_same_process_without_a_server(string signal)
    {
        SkipUnlessPosix();
        (int baselineExit, _) = await SignalAsync("no-server", signal);

        (int exit, string output) = await SignalAsync("plain", signal);

        Assert.True(baselineExit == exit, $"SIG{signal} ended the process without a server with {baselineExit}, with a server with {exit}:\n{output}");
    }

    [Theory]
    [InlineData("TERM")]
    [InlineData("INT")]
    public async Task An_apps_own_signal_handler_that_stops_the_server_ends_its_receive_loop_with_closed(string signal)
    {
        SkipUnlessPosix();

        (int exit, string output) = await SignalAsync("handler", signal);

        Assert.Contains(GrpcSignalPeer.ClosedLine, output, StringComparison.Ordinal);
        Assert.Equal(0, exit);
    }

    private static void SkipUnlessPosix() =>
        Assert.SkipUnless(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "Signals are sent with kill(1), which needs Linux or macOS.");

    /// <summary>Starts the signal peer in <paramref name="mode"/>, sends it the signal, and returns its exit code and output.</summary>
    private static async Task<(int Exit, string Output)> SignalAsync(string mode, string signal)
    {
        using Process peer = await GrpcSignalPeer.StartAsync(mode, Ct);
        try
        {
            Task<string> stdout = peer.StandardOutput.ReadToEndAsync(Ct);
            Task<string> stderr = peer.StandardError.ReadToEndAsync(Ct);
            using (Process kill = Process.Start("kill", ["-" + signal, peer.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync(Ct);
                Assert.Equal(0, kill.ExitCode);
            }

            long start = Stopwatch.GetTimestamp();
            using var bound = CancellationTokenSource.CreateLinkedTokenSource(Ct);
            bound.CancelAfter(NoHang);
            try
            {
                await peer.WaitForExitAsync(bound.Token);
            }
            catch (OperationCanceledException) when (!Ct.IsCancellationRequested)
            {
                Assert.Fail($"The '{mode}' process still runs {NoHang.TotalSeconds} s after SIG{signal}.");
            }

            string output = await stdout + await stderr;
            TestContext.Current.TestOutputHelper?.WriteLine(
                $"{mode}: SIG{signal} -> exit {peer.ExitCode} after {Stopwatch.GetElapsedTime(start).TotalMilliseconds:0} ms\n{output}");
            return (peer.ExitCode, output);
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
