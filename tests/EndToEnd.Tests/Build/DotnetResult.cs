using System.Text.RegularExpressions;

namespace PartitionCompiler.EndToEnd.Tests.Build;

/// <summary>A finished <c>dotnet</c> run: its exit code and its stdout and stderr, interleaved.</summary>
internal sealed partial record DotnetResult(int ExitCode, string Output, string Command)
{
    /// <summary>Fails with the command and its whole output unless it exited with 0.</summary>
    public DotnetResult Succeeded()
    {
        Assert.True(ExitCode == 0, $"{Command} exited with {ExitCode}:\n{Output}");
        return this;
    }

    /// <summary>Fails with the command and its whole output unless it exited with an error code.</summary>
    public DotnetResult Failed()
    {
        Assert.True(ExitCode != 0, $"{Command} succeeded but should have failed:\n{Output}");
        return this;
    }

    /// <summary>How many lines contain <paramref name="text"/>.</summary>
    public int Lines(string text) =>
        Output.Split('\n').Count(line => line.Contains(text, StringComparison.Ordinal));

    /// <summary>Fails unless the output names neither MSBuild's generic tool failure nor a stack trace.</summary>
    public DotnetResult WithoutToolNoise()
    {
        Assert.DoesNotContain("MSB6006", Output, StringComparison.Ordinal);
        Assert.DoesNotContain("MSB4018", Output, StringComparison.Ordinal);
        Assert.DoesNotMatch(StackFrame(), Output);
        return this;
    }

    [GeneratedRegex(@"^\s+at [\w.<>`]+\.[\w<>`]+\(", RegexOptions.Multiline)]
    private static partial Regex StackFrame();
}
