using System.CommandLine;
using PartitionCompiler.Cli.Commands;

namespace PartitionCompiler.Cli;

/// <summary>The <c>partc</c> entry point.</summary>
internal static class Program
{
    /// <summary>Every command of <c>partc</c>, one factory each (a command per file under <c>Commands/</c>).</summary>
    internal static readonly Func<CliConsole, Command>[] Commands = [InspectCommand.Create, PlanCommand.Create, VerifyCommand.Create, ProfileCommand.Create];

    public static int Main(string[] args)
    {
        using var stdout = Console.OpenStandardOutput();
        return PartcApp.Run(args, new CliConsole(Console.Out, Console.Error, isTerminal: !Console.IsOutputRedirected, stdout)
        {
            ErrorIsTerminal = !Console.IsErrorRedirected,
        });
    }
}
