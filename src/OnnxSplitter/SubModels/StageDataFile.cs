namespace PartitionCompiler.OnnxSplitter.SubModels;

/// <summary>
/// A stage's external data file, <c>&lt;stage file&gt;.data</c> beside the stage file: the weights the stage reads from the
/// original model's external data. Its bytes are not held in memory; <see cref="WriteTo"/> copies them from the
/// original's data files.
/// </summary>
public sealed class StageDataFile
{
    private readonly ExternalDataLayout _layout;

    internal StageDataFile(string relativePath, ExternalDataLayout layout, string sha256)
    {
        RelativePath = relativePath;
        _layout = layout;
        Sha256 = sha256;
    }

    /// <summary>The path relative to the partitions root, with <c>/</c>.</summary>
    public string RelativePath { get; }

    /// <summary>Bytes of the file.</summary>
    public long Length => _layout.Length;

    /// <summary>SHA-256 of the file's bytes, lowercase hex (the plan's <c>dataSha256</c>).</summary>
    public string Sha256 { get; }

    /// <summary>Writes the file's bytes to <paramref name="destination"/>.</summary>
    /// <exception cref="IOException">An original data file cannot be read.</exception>
    /// <exception cref="InvalidDataException">An original data file changed since the stage was built (the bytes no longer match <see cref="Sha256"/>).</exception>
    public void WriteTo(Stream destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        string written = Convert.ToHexStringLower(_layout.CopyTo(destination));
        if (written != Sha256)
        {
            throw new InvalidDataException($"the external data of '{RelativePath}' changed while it was written (sha256 {written}, expected {Sha256})");
        }
    }
}
