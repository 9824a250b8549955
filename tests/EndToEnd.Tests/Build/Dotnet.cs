using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace PartitionCompiler.EndToEnd.Tests.Build;

/// <summary>Runs the <c>dotnet</c> CLI as a child process with a stable, English, node-reuse-free environment.</summary>
internal static class Dotnet
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);

    // Set by `dotnet test` for its own MSBuild; a child build must find its SDK by itself.
    private static readonly string[] InheritedMsBuildVariables =
        ["MSBuildExtensionsPath", "MSBUILD_EXE_PATH", "MSBuildSDKsPath", "MSBuildLoadMicrosoftTargetsReadOnly"];

    public static DotnetResult Run(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        foreach (string name in InheritedMsBuildVariables)
        {
            start.Environment.Remove(name);
        }

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet {string.Join(' ', arguments)} did not finish in {Timeout}");
        }

        process.WaitForExit();
        lock (output)
        {
            return new DotnetResult(process.ExitCode, output.ToString(), $"dotnet {string.Join(' ', arguments)}");
        }
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.Append(line).Append('\n');
        }
    }
}

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
