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

/// <summary>What one <c>partc</c> run printed and returned.</summary>
internal sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    public string[] StderrLines => Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The diagnostic codes on stderr, in order.</summary>
    public string[] Codes => StderrLines.Select(l => Partc.CodePattern().Match(l)).Where(m => m.Success).Select(m => m.Groups[2].Value).ToArray();

    /// <summary>Asserts a failed run that reported <paramref name="code"/> as an error and printed nothing on stdout.</summary>
    public void FailsWith(string code)
    {
        Assert.Equal(1, ExitCode);
        Assert.Contains(code, Codes);
        Assert.Contains(StderrLines, l => l.Contains($": error {code}: "));
        Assert.Equal("", Stdout);
    }
}
