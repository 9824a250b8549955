using System.CommandLine;
using System.Text.RegularExpressions;

namespace PartitionCompiler.Cli.Tests;

/// <summary>Runs <c>partc</c> in-process with captured stdout and stderr.</summary>
internal static partial class Partc
{
    public static CliResult Run(params string[] args) => RunWith(null, args);

    public static CliResult RunWith(IReadOnlyList<Func<CliConsole, Command>>? commands, params string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        int code = PartcApp.Run(args, new CliConsole(output, error), commands);
        var result = new CliResult(code, output.ToString(), error.ToString());

        // Whatever happens, partc answers with 0 or 1 and never shows a stack trace.
        Assert.Contains(code, new[] { 0, 1 });
        Assert.DoesNotContain("   at ", result.Stderr);
        Assert.DoesNotContain("   at ", result.Stdout);
        return result;
    }

    [GeneratedRegex(@": (error|warning) (PC\d{4}): ")]
    internal static partial Regex CodePattern();
}
