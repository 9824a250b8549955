using System.Diagnostics;
using System.Runtime.InteropServices;
using PartitionCompiler.Runtime.Grpc;
using PartitionCompiler.Runtime.Transport;

namespace PartitionCompiler.Runtime.Tests.Grpc;

/// <summary>
/// The child process of the signal tests: an app that waits in <see cref="GrpcTransportServer.ReceiveAsync"/>, as a
/// device's receive loop does, and is stopped by a signal. Modes: <c>plain</c> installs no signal handling (the
/// runtime's default applies), <c>no-server</c> is the same app without a server (what the default looks like),
/// <c>handler</c> installs its own SIGTERM/SIGINT handler that disposes the server, so its receive loop ends with
/// <see cref="TransportFailure.Closed"/> and <c>Main</c> returns 0.
/// </summary>
internal static class GrpcSignalPeer
{
    public const string Verb = "--grpc-signal-peer";
    public const string Ready = "READY ";
    public const string ClosedLine = "RECEIVE ENDED: Closed";

    /// <summary>Starts this test executable in signal-peer mode and waits until it is ready.</summary>
    public static async Task<Process> StartAsync(string mode, CancellationToken ct)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string arg in new[] { "exec", typeof(GrpcSignalPeer).Assembly.Location, Verb, mode })
        {
            start.ArgumentList.Add(arg);
        }

        Process process = Process.Start(start) ?? throw new InvalidOperationException("The signal peer did not start.");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith(Ready, StringComparison.Ordinal))
            {
                return process;
            }
        }

        string errors = await process.StandardError.ReadToEndAsync(ct);
        throw new InvalidOperationException($"The signal peer ended before it was ready: {errors}");
    }

    public static async Task<int> RunAsync(string[] args)
    {
        string mode = args[0];
        if (mode == "no-server")
        {
            Console.WriteLine(Ready + "no server");
            Console.Out.Flush();
            await Task.Delay(Timeout.Infinite);
            return 2;
        }

        GrpcTransportServer server = await GrpcTransportServer.StartAsync("127.0.0.1:0");
        using PosixSignalRegistration? term = mode == "handler" ? PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop) : null;
        using PosixSignalRegistration? interrupt = mode == "handler" ? PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop) : null;
        Console.WriteLine(Ready + server.Address);
        Console.Out.Flush();
        try
        {
            while (true)
            {
                _ = await server.ReceiveAsync();
            }
        }
        catch (TransportException ex)
        {
            Console.WriteLine($"RECEIVE ENDED: {ex.Failure}");
            Console.Out.Flush();
            return ex.Failure == TransportFailure.Closed ? 0 : 1;
        }
        finally
        {
            await server.DisposeAsync();
        }

        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            _ = server.DisposeAsync().AsTask();
        }
    }
}
