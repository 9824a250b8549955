using System.Diagnostics;
using System.Globalization;

namespace PartitionCompiler.Cli;

/// <summary>
/// Shows which step a long run is in, on stderr, only when stderr is a terminal (never in a build log or a test):
/// one line, rewritten in place, with the time the previous steps took, and erased at the end.
/// </summary>
internal sealed class StepProgress : IDisposable
{
    private readonly TextWriter? _error;
    private readonly long _start = Stopwatch.GetTimestamp();
    private bool _shown;

    public StepProgress(CliConsole console) => _error = console.ErrorIsTerminal ? console.Error : null;

    /// <summary>Announces the step that starts now.</summary>
    public void Step(string what)
    {
        if (_error is null)
        {
            return;
        }

        double seconds = Stopwatch.GetElapsedTime(_start).TotalSeconds;
        _error.Write(string.Create(CultureInfo.InvariantCulture, $"\r\u001b[2Kpartc: {what}... ({seconds:F1} s)"));
        _error.Flush();
        _shown = true;
    }

    /// <summary>Erases the progress line, so diagnostics and results start on a clean line.</summary>
    public void Dispose()
    {
        if (_error is not null && _shown)
        {
            _error.Write("\r\u001b[2K");
            _error.Flush();
            _shown = false;
        }
    }
}
