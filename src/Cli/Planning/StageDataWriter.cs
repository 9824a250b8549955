using System.Security.Cryptography;
using PartitionCompiler.Cli.Output;
using PartitionCompiler.OnnxSplitter.SubModels;
using PartitionCompiler.Partitioning.Diagnostics;

namespace PartitionCompiler.Cli.Planning;

/// <summary>
/// Writes a stage's external data file (which can be gigabytes) by streaming it, with <see cref="AtomicFile"/>'s
/// guarantees: a file that already holds these bytes (same length and sha256) is left alone, a new one goes to a
/// temporary file in the same folder and replaces the target in one move.
/// </summary>
internal static class StageDataWriter
{
    /// <summary>Writes <paramref name="data"/> to <paramref name="path"/> unless it is already there, and records it
    /// as an output. Returns true when the file was written; false when unchanged or failed (PC0503).</summary>
    public static bool Write(OutputRun run, string path, StageDataFile data, DiagnosticBag diagnostics)
    {
        string fullPath = Path.GetFullPath(path);
        string folder = Path.GetDirectoryName(fullPath)!;
        string temporary = Path.Combine(folder, $".{Path.GetFileName(fullPath)}.{Guid.NewGuid():N}.tmp");
        try
        {
            if (HoldsAlready(fullPath, data))
            {
                run.Keep(OutputKind.Data, fullPath);
                return false;
            }

            Directory.CreateDirectory(folder);
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                data.WriteTo(stream);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, fullPath, overwrite: true);
            run.Keep(OutputKind.Data, fullPath);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            diagnostics.Add(DiagnosticCatalog.OutputFileAccess, new SourceLocation(fullPath), "write", fullPath, e.Message);
            return false;
        }
        finally
        {
            TryDelete(temporary);
        }
    }

    private static bool HoldsAlready(string path, StageDataFile data)
    {
        var info = new FileInfo(path);
        if (!info.Exists || info.Length != data.Length)
        {
            return false;
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1 << 16, FileOptions.SequentialScan);
        return string.Equals(Convert.ToHexStringLower(SHA256.HashData(stream)), data.Sha256, StringComparison.Ordinal);
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A temporary file that cannot be removed is harmless: its name is unique and starts with a dot.
        }
    }
}
