using PartitionCompiler.TestSupport.Packaging;

namespace PartitionCompiler.EndToEnd.Tests.Build;

/// <summary>Runs the <c>dotnet</c> CLI for the build tests (<see cref="DotnetCli"/>), failing a run that takes over ten minutes.</summary>
internal static class Dotnet
{
    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);

    public static DotnetResult Run(string workingDirectory, params string[] arguments)
    {
        DotnetRun run = DotnetCli.Run(workingDirectory, arguments, Timeout);
        return new DotnetResult(run.ExitCode, run.Output, run.Command);
    }
}
