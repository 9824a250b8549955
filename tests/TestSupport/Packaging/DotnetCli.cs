using System.Diagnostics;
using System.Text;

namespace PartitionCompiler.TestSupport.Packaging;

/// <summary>
/// Runs the <c>dotnet</c> CLI as a child process with a stable environment: English messages, no logo or telemetry,
/// no MSBuild node reuse or build server, and none of the MSBuild variables a parent <c>dotnet test</c> sets for its own
/// MSBuild (a child build must find its SDK by itself). Stdout and stderr are collected interleaved, line by line.
/// </summary>
public static class DotnetCli
{
    private static readonly string[] InheritedMsBuildVariables =
        ["MSBuildExtensionsPath", "MSBUILD_EXE_PATH", "MSBuildSDKsPath", "MSBuildLoadMicrosoftTargetsReadOnly"];

    /// <summary>Runs <c>dotnet ARGUMENTS</c> in <paramref name="workingDirectory"/> and waits for it.</summary>
    /// <exception cref="TimeoutException">It ran longer than <paramref name="timeout"/> (it is killed, with its children).</exception>
    public static DotnetRun Run(string workingDirectory, IReadOnlyList<string> arguments, TimeSpan? timeout = null)
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

        string command = $"dotnet {string.Join(' ', arguments)}";
        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        long begin = Stopwatch.GetTimestamp();
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (timeout is { } limit && !process.WaitForExit(limit))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{command} did not finish in {limit}");
        }

        // Without a limit this is the only wait; after a timed one it waits for the redirected output to drain.
        process.WaitForExit();
        TimeSpan elapsed = Stopwatch.GetElapsedTime(begin);
        lock (output)
        {
            return new DotnetRun(process.ExitCode, output.ToString(), command, elapsed);
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
