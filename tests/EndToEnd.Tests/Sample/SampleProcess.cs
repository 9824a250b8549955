using System.Diagnostics;
using System.Text;

namespace PartitionCompiler.EndToEnd.Tests.Sample;

/// <summary>
/// The built sample running as its own process (<c>dotnet exec GlassesPhoneCloud.dll ARGS</c>), with its stdout and
/// stderr collected line by line; killed on dispose if it is still running.
/// </summary>
internal sealed class SampleProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly Lock _gate = new();
    private readonly List<string> _lines = [];

    private SampleProcess(Process process, string name)
    {
        _process = process;
        Name = name;
    }

    /// <summary>A short name for messages (for example <c>phone</c>).</summary>
    public string Name { get; }

    /// <summary>Everything it wrote so far, stdout and stderr interleaved.</summary>
    public string Output
    {
        get
        {
            lock (_gate)
            {
                return _output.ToString();
            }
        }
    }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public static SampleProcess Start(SampleCopy sample, string name, params string[] arguments)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = sample.Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in new[] { "exec", sample.App }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = start };
        var sampleProcess = new SampleProcess(process, name);
        process.OutputDataReceived += (_, e) => sampleProcess.Append(e.Data);
        process.ErrorDataReceived += (_, e) => sampleProcess.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return sampleProcess;
    }

    /// <summary>Waits until a line starting with <paramref name="prefix"/> appears; fails the test after <paramref name="limit"/> or if the process ends first.</summary>
    public async Task<string> WaitForLineAsync(string prefix, TimeSpan limit, CancellationToken cancellationToken)
    {
        long start = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(start) < limit)
        {
            lock (_gate)
            {
                string? line = _lines.FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal));
                if (line is not null)
                {
                    return line;
                }
            }

            if (_process.HasExited)
            {
                _process.WaitForExit();
                Assert.Fail($"{Name} exited with {_process.ExitCode} before writing '{prefix}...':\n{Output}");
            }

            await Task.Delay(50, cancellationToken);
        }

        Assert.Fail($"{Name} did not write '{prefix}...' within {limit}:\n{Output}");
        return string.Empty;
    }

    /// <summary>Waits for the process to exit; null when it is still running after <paramref name="limit"/>.</summary>
    public async Task<int?> WaitForExitAsync(TimeSpan limit, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(limit);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }

        _process.WaitForExit(); // drains the redirected streams
        return _process.ExitCode;
    }

    /// <summary>Sends a POSIX signal (for example <c>TERM</c>) with kill(1).</summary>
    public async Task SignalAsync(string signal, CancellationToken cancellationToken)
    {
        using Process kill = Process.Start("kill", ["-" + signal, _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync(cancellationToken);
        Assert.True(kill.ExitCode == 0, $"kill -{signal} {_process.Id} failed for {Name}");
    }

    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            Kill();
            await _process.WaitForExitAsync();
        }
        catch (InvalidOperationException)
        {
            // Never started or already gone.
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            _lines.Add(line);
            _output.Append(line).Append('\n');
        }
    }
}
