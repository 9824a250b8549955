using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Parsing;
using PartitionCompiler.Partitioning.Diagnostics;

namespace PartitionCompiler.Cli;

/// <summary>
/// Runs <c>partc</c>: parses the command line, runs the command, and turns every failure into exit code 1 with a
/// diagnostic line (usage errors are PC0050/PC0051). Nothing escapes: an unexpected exception becomes one <c>PC9999</c> line on stderr and a crash log
/// file, never a stack trace. Exit codes are 0 (success, warnings allowed) and 1 (any error).
/// </summary>
internal static class PartcApp
{
    public const int Success = 0;

    public const int Failure = 1;

    /// <summary>Runs one command line; <paramref name="commands"/> replaces <see cref="Program.Commands"/> (tests).</summary>
    public static int Run(string[] args, CliConsole console, IReadOnlyList<Func<CliConsole, Command>>? commands = null)
    {
        try
        {
            // A plain command named "partc" rather than RootCommand, whose name is the running file's (PartitionCompiler.Cli
            // when started through dotnet exec); help and version options are what RootCommand would add.
            var root = new Command("partc", "partc: inspect, partition, verify and profile ONNX models across devices.")
            {
                new HelpOption(),
                new VersionOption(),
            };
            foreach (var create in commands ?? Program.Commands)
            {
                root.Subcommands.Add(create(console));
            }

            var parsed = root.Parse(args);
            if (parsed.Errors.Count > 0 && parsed.Action is not HelpAction)
            {
                string help = HelpCommandLine(parsed);
                DiagnosticPrinter.Print(console, parsed.Errors.Select(error => UsageError(error, help)));
                return Failure;
            }

            int code = parsed.Invoke(new InvocationConfiguration
            {
                Output = console.Output,
                Error = console.Error,
                EnableDefaultExceptionHandler = false,
            });
            return code == Success ? Success : Failure;
        }
        catch (Exception e)
        {
            string log = CrashLog.Write(e, args);
            string summary = $"{e.GetType().Name}: {e.Message}".ReplaceLineEndings(" ");
            DiagnosticPrinter.Print(console, [DiagnosticCatalog.InternalError.Create(null, summary, log)]);
            return Failure;
        }
    }

    /// <summary>A parse error as a diagnostic: PC0051 when a value was given and rejected, else PC0050.</summary>
    private static Diagnostic UsageError(ParseError error, string helpCommandLine)
    {
        bool rejectedValue = error.SymbolResult is OptionResult or ArgumentResult && error.SymbolResult.Tokens.Count > 0;
        var descriptor = rejectedValue ? DiagnosticCatalog.InvalidOptionValue : DiagnosticCatalog.InvalidCommandLine;
        return descriptor.Create(null, error.Message.TrimEnd('.'), helpCommandLine);
    }

    private static string HelpCommandLine(ParseResult parsed)
    {
        var names = new List<string>();
        for (var result = parsed.CommandResult; result is not null; result = result.Parent as CommandResult)
        {
            names.Add(result.Command.Name);
        }

        names.Reverse();
        return string.Join(' ', names);
    }
}
