namespace PartitionCompiler.Cli.Output;

/// <summary>
/// Writes a file so that readers never see half of it and an unchanged file keeps its timestamp: the bytes go to a
/// temporary file in the same folder, which then replaces the target in one move; when the target already holds
/// exactly these bytes nothing is touched (so MSBuild keeps everything downstream up to date).
/// </summary>
internal static class AtomicFile
{
    private const int ChunkSize = 64 * 1024;

    /// <summary>Writes <paramref name="content"/> to <paramref name="path"/> unless the file already holds exactly
    /// these bytes. Creates the folder. Returns true when the file was written.</summary>
    /// <exception cref="IOException">The folder or file cannot be written.</exception>
    /// <exception cref="UnauthorizedAccessException">Permission denied.</exception>
    public static bool WriteIfChanged(string path, ReadOnlySpan<byte> content)
    {
        string fullPath = Path.GetFullPath(path);
        if (ContentEquals(fullPath, content))
        {
            return false;
        }

        string folder = Path.GetDirectoryName(fullPath)!;
        Directory.CreateDirectory(folder);
        string temporary = Path.Combine(folder, $".{Path.GetFileName(fullPath)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(content);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, fullPath, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }

        return true;
    }

    /// <summary>True when <paramref name="path"/> exists and holds exactly <paramref name="content"/>.</summary>
    public static bool ContentEquals(string path, ReadOnlySpan<byte> content)
    {
        var info = new FileInfo(path);
        if (!info.Exists || info.Length != content.Length)
        {
            return false;
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var buffer = new byte[Math.Min(ChunkSize, Math.Max(content.Length, 1))];
        int offset = 0;
        while (offset < content.Length)
        {
            int read = stream.Read(buffer, 0, Math.Min(buffer.Length, content.Length - offset));
            if (read == 0 || !buffer.AsSpan(0, read).SequenceEqual(content.Slice(offset, read)))
            {
                return false;
            }

            offset += read;
        }

        return stream.ReadByte() == -1;
    }
}
