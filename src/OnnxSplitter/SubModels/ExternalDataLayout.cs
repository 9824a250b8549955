using System.Globalization;
using System.Security.Cryptography;
using PartitionCompiler.OnnxSplitter.Proto;
using PartitionCompiler.OnnxSplitter.Reading;

namespace PartitionCompiler.OnnxSplitter.SubModels;

/// <summary>
/// The external data file of one stage: the weights the stage reads from the original model's external data, copied
/// one after the other into <c>&lt;stage file&gt;.data</c>. Tensors of at least 1 MiB start at a multiple of 64 KiB (so ONNX
/// Runtime can map them on every platform), smaller ones at a multiple of 64 bytes; the gaps are zeros.
/// </summary>
internal sealed class ExternalDataLayout
{
    private const long LargeTensorBytes = 1 << 20;
    private const long LargeAlignment = 1 << 16;
    private const long SmallAlignment = 64;

    private static readonly byte[] Zeros = new byte[LargeAlignment];

    private readonly ExternalDataFolder _folder;
    private readonly string _location;
    private readonly List<DataSegment> _segments = [];

    /// <param name="folder">The original model's folder (its external data locations are relative to it).</param>
    /// <param name="location">The data file's name as the stage's tensors will record it (beside the stage file).</param>
    public ExternalDataLayout(ExternalDataFolder folder, string location)
    {
        _folder = folder;
        _location = location;
    }

    /// <summary>One copied range: from the source file at <see cref="SourceOffset"/> to the stage's file at <see cref="TargetOffset"/>.</summary>
    internal sealed record DataSegment(string TensorName, string SourcePath, long SourceOffset, long Length, long TargetOffset);

    /// <summary>Bytes of the data file.</summary>
    public long Length { get; private set; }

    public IReadOnlyList<DataSegment> Segments => _segments;

    public bool IsEmpty => _segments.Count == 0;

    /// <summary>
    /// The tensor as the stage stores it: the same message when its data is inline, else a copy that points into the
    /// stage's data file (the original stays untouched: other stages share it).
    /// </summary>
    /// <exception cref="IOException">The tensor's data file cannot be found inside the model's folder.</exception>
    public TensorProto Place(TensorProto tensor)
    {
        if (!tensor.HasDataLocation || tensor.DataLocation != TensorProto.Types.DataLocation.External)
        {
            return tensor;
        }

        // The model was read, so its entries parse (the reader reports PC0106 for those that do not).
        var (location, offset, length) = ExternalDataReference.Parse(tensor, out string? problem)
            ?? throw new InvalidDataException($"tensor '{tensor.Name}': {problem}");
        location ??= "";
        var source = _folder.Resolve(location);
        if (source.Outcome != ExternalDataFolder.Outcome.Found)
        {
            throw new IOException($"the file '{location}' is no longer in the model's folder");
        }

        long bytes = length ?? Math.Max(0, source.Length - offset);
        long alignment = bytes >= LargeTensorBytes ? LargeAlignment : SmallAlignment;
        long target = (Length + alignment - 1) / alignment * alignment;
        _segments.Add(new DataSegment(tensor.Name, source.FullPath, offset, bytes, target));
        Length = target + bytes;

        var placed = tensor.Clone();
        placed.ExternalData.Clear();
        placed.ExternalData.Add(new StringStringEntryProto { Key = "location", Value = _location });
        placed.ExternalData.Add(new StringStringEntryProto { Key = "offset", Value = target.ToString(CultureInfo.InvariantCulture) });
        placed.ExternalData.Add(new StringStringEntryProto { Key = "length", Value = bytes.ToString(CultureInfo.InvariantCulture) });
        return placed;
    }

    /// <summary>Writes the data file's bytes to <paramref name="destination"/> and returns their SHA-256.</summary>
    /// <exception cref="IOException">A source file cannot be read or has become shorter.</exception>
    public byte[] CopyTo(Stream? destination)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[1 << 20];
        long written = 0;
        void Emit(ReadOnlySpan<byte> bytes)
        {
            hash.AppendData(bytes);
            destination?.Write(bytes);
            written += bytes.Length;
        }

        FileStream? source = null;
        try
        {
            foreach (var segment in _segments)
            {
                Emit(Zeros.AsSpan(0, (int)(segment.TargetOffset - written)));

                if (source is null || source.Name != segment.SourcePath)
                {
                    source?.Dispose();
                    source = new FileStream(segment.SourcePath, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
                }

                source.Position = segment.SourceOffset;
                long left = segment.Length;
                while (left > 0)
                {
                    int read = source.Read(buffer, 0, (int)Math.Min(buffer.Length, left));
                    if (read == 0)
                    {
                        throw new IOException($"the file '{segment.SourcePath}' ends before the {segment.Length} bytes of tensor '{segment.TensorName}'");
                    }

                    Emit(buffer.AsSpan(0, read));
                    left -= read;
                }
            }
        }
        finally
        {
            source?.Dispose();
        }

        return hash.GetHashAndReset();
    }
}
