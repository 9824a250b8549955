namespace PartitionCompiler.Cli.Tests;

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
