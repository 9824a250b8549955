using PartitionCompiler.Runtime.Tests.Grpc;

namespace PartitionCompiler.Runtime.Tests;

/// <summary>
/// The test executable's entry point: xunit's runners as usual, or, with <see cref="GrpcPeerProcess.Verb"/> as the
/// first argument, the peer process of the two-process gRPC test, or with <see cref="GrpcSignalPeer.Verb"/> the child
/// process of the signal tests.
/// </summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == GrpcPeerProcess.Verb)
        {
            return GrpcPeerProcess.RunAsync(args[1..]).GetAwaiter().GetResult();
        }

        if (args.Length > 0 && args[0] == GrpcSignalPeer.Verb)
        {
            return GrpcSignalPeer.RunAsync(args[1..]).GetAwaiter().GetResult();
        }

        if (args.Any(arg => arg is "--server" or "--internal-msbuild-node"))
        {
            return Xunit.MicrosoftTestingPlatform.TestPlatformTestFramework
                .RunAsync(args, SelfRegisteredExtensions.AddSelfRegisteredExtensions).GetAwaiter().GetResult();
        }

        return Xunit.Runner.InProc.SystemConsole.ConsoleRunner.Run(args).GetAwaiter().GetResult();
    }
}
