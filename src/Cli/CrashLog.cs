using System.Globalization;
using System.Text;

namespace PartitionCompiler.Cli;

/// <summary>Writes the details of an internal failure to a file in the temp folder, for the PC9999 line to name.</summary>
internal static class CrashLog
{
    /// <summary>Writes the log and returns its path, or a note when even that failed.</summary>
    public static string Write(Exception exception, IReadOnlyList<string> args)
    {
        try
        {
            string path = Path.Combine(Path.GetTempPath(), $"partc-crash-{Guid.NewGuid():N}.log");
            var text = new StringBuilder()
                .Append("partc ").Append(string.Join(' ', args)).Append('\n')
                .Append("version: ").Append(typeof(CrashLog).Assembly.GetName().Version?.ToString() ?? "?").Append('\n')
                .Append("runtime: ").Append(System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription).Append('\n')
                .Append("os: ").Append(System.Runtime.InteropServices.RuntimeInformation.OSDescription).Append('\n')
                .Append("time (UTC): ").Append(DateTime.UtcNow.ToString("o", CultureInfo.InvariantCulture)).Append('\n')
                .Append('\n').Append(exception.ToString()).Append('\n');
            File.WriteAllText(path, text.ToString());
            return path;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "(the crash log could not be written: " + e.Message + ")";
        }
    }
}
