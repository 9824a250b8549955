using System.Buffers.Binary;
using System.Globalization;
using System.IO.Hashing;
using System.Text;
using PartitionCompiler.Runtime.Tensors;
using PartitionCompiler.Runtime.Transport;

namespace PartitionCompiler.Runtime.Wire;

/// <summary>
/// The framed binary wire format of one <see cref="TensorMessage"/>. All integers are little-endian.
/// <code>
/// offset size  field
/// 0      4     magic "PCTF" (0x50 0x43 0x54 0x46)
/// 4      1     version = 1
/// 5      3     reserved, zero
/// 8      4     frame length L (uint32): every byte of the frame, this header and the checksum included
/// 12     4     from stage (int32, -1 = graph input)
/// 16     4     to stage (int32, -1 = graph output)
/// 20     8     sequence (int64, non-negative)
/// 28     4     tensor count N (uint32)
/// 32     ...   N tensors, each:
///                name length n (uint32, 1..MaxNameBytes), n bytes of UTF-8 name,
///                element type (uint32, the ONNX data type number),
///                rank r (uint32, 0..MaxRank), r dimensions (int64 each, non-negative),
///                payload length p (uint64) = product(dims) × element size, p payload bytes
/// L-4    4     CRC-32 (IEEE 802.3 polynomial, as zlib) of bytes [0, L-4)
/// </code>
/// A decoder checks the fixed header and the declared length against <see cref="TensorFrameLimits"/> before it
/// allocates, then the checksum, then every length against the bytes that remain. Anything wrong throws
/// <see cref="TensorFrameException"/>.
/// </summary>
public static class TensorFrame
{
    /// <summary>The wire format version this library writes and reads.</summary>
    public const byte Version = 1;

    /// <summary>The size of the fixed header in bytes.</summary>
    public const int HeaderBytes = 32;

    /// <summary>The size of the trailing checksum in bytes.</summary>
    public const int ChecksumBytes = 4;

    /// <summary>The size of the smallest frame (no tensors).</summary>
    public const int MinimumFrameBytes = HeaderBytes + ChecksumBytes;

    /// <summary>How many leading bytes announce the frame's length (magic, version, reserved, length).</summary>
    public const int PrefixBytes = 12;

    private const int MinimumTensorBytes = 4 + 1 + 4 + 4 + 8;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The four magic bytes that start every frame.</summary>
    public static ReadOnlySpan<byte> Magic => "PCTF"u8;

    /// <summary>Encodes a message as one frame.</summary>
    /// <param name="message">The message.</param>
    /// <param name="limits">The limits the frame must respect (so that a peer using them accepts it); default
    /// <see cref="TensorFrameLimits.Default"/>.</param>
    /// <returns>The frame bytes.</returns>
    /// <exception cref="TensorFrameException">The message exceeds a limit or a name is not valid Unicode.</exception>
    public static byte[] Encode(TensorMessage message, TensorFrameLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        limits ??= TensorFrameLimits.Default;
        limits.Validate();
        IReadOnlyList<NamedTensor> tensors = message.Tensors;
        if (tensors.Count > limits.MaxTensors)
        {
            throw new TensorFrameException($"The message has {tensors.Count} tensors; the limit is {limits.MaxTensors}.");
        }

        var names = new byte[tensors.Count][];
        long length = MinimumFrameBytes;
        for (int i = 0; i < tensors.Count; i++)
        {
            NamedTensor tensor = tensors[i];
            try
            {
                names[i] = StrictUtf8.GetBytes(tensor.Name);
            }
            catch (EncoderFallbackException ex)
            {
                throw new TensorFrameException($"Tensor name '{tensor.Name}' is not valid Unicode.", ex);
            }

            if (names[i].Length > limits.MaxNameBytes)
            {
                throw new TensorFrameException(
                    $"Tensor name '{tensor.Name}' has {names[i].Length} UTF-8 bytes; the limit is {limits.MaxNameBytes}.");
            }

            if (tensor.Rank > limits.MaxRank)
            {
                throw new TensorFrameException($"Tensor '{tensor.Name}' has rank {tensor.Rank}; the limit is {limits.MaxRank}.");
            }

            length += MinimumTensorBytes - 1 + names[i].Length + (8L * tensor.Rank) + tensor.ByteLength;
            if (length > limits.MaxFrameBytes)
            {
                throw new TensorFrameException(
                    $"The message needs a frame of more than {limits.MaxFrameBytes} bytes (the limit); split it or raise MaxFrameBytes.");
            }
        }

        byte[] frame = new byte[length];
        Span<byte> span = frame;
        Magic.CopyTo(span);
        span[4] = Version;
        BinaryPrimitives.WriteUInt32LittleEndian(span[8..], (uint)length);
        BinaryPrimitives.WriteInt32LittleEndian(span[12..], message.FromStage);
        BinaryPrimitives.WriteInt32LittleEndian(span[16..], message.ToStage);
        BinaryPrimitives.WriteInt64LittleEndian(span[20..], message.Sequence);
        BinaryPrimitives.WriteUInt32LittleEndian(span[28..], (uint)tensors.Count);
        int offset = HeaderBytes;
        for (int i = 0; i < tensors.Count; i++)
        {
            NamedTensor tensor = tensors[i];
            BinaryPrimitives.WriteUInt32LittleEndian(span[offset..], (uint)names[i].Length);
            offset += 4;
            names[i].CopyTo(span[offset..]);
            offset += names[i].Length;
            BinaryPrimitives.WriteUInt32LittleEndian(span[offset..], (uint)tensor.ElementType);
            BinaryPrimitives.WriteUInt32LittleEndian(span[(offset + 4)..], (uint)tensor.Rank);
            offset += 8;
            foreach (long dim in tensor.Shape)
            {
                BinaryPrimitives.WriteInt64LittleEndian(span[offset..], dim);
                offset += 8;
            }

            BinaryPrimitives.WriteUInt64LittleEndian(span[offset..], (ulong)tensor.ByteLength);
            offset += 8;
            tensor.Data.Span.CopyTo(span[offset..]);
            offset += tensor.ByteLength;
        }

        BinaryPrimitives.WriteUInt32LittleEndian(span[offset..], Crc32.HashToUInt32(span[..offset]));
        return frame;
    }

    /// <summary>Decodes one whole frame. The returned tensors share <paramref name="frame"/>'s memory; don't reuse it.</summary>
    /// <param name="frame">Exactly one frame.</param>
    /// <param name="limits">The limits to enforce; default <see cref="TensorFrameLimits.Default"/>.</param>
    /// <returns>The message.</returns>
    /// <exception cref="TensorFrameException">The frame is malformed or exceeds a limit.</exception>
    public static TensorMessage Decode(ReadOnlyMemory<byte> frame, TensorFrameLimits? limits = null)
    {
        limits ??= TensorFrameLimits.Default;
        limits.Validate();
        ReadOnlySpan<byte> span = frame.Span;
        int declared = CheckPrefix(span, limits);
        if (declared != span.Length)
        {
            throw new TensorFrameException(declared > span.Length
                ? $"Truncated frame: it declares {declared} bytes but only {span.Length} are present."
                : $"The frame declares {declared} bytes but {span.Length} were given (trailing bytes).");
        }

        uint stored = BinaryPrimitives.ReadUInt32LittleEndian(span[(declared - ChecksumBytes)..]);
        uint actual = Crc32.HashToUInt32(span[..(declared - ChecksumBytes)]);
        if (stored != actual)
        {
            throw new TensorFrameException(
                $"Checksum mismatch: the frame says 0x{stored:x8}, its bytes hash to 0x{actual:x8}; the frame was corrupted.");
        }

        int fromStage = BinaryPrimitives.ReadInt32LittleEndian(span[12..]);
        int toStage = BinaryPrimitives.ReadInt32LittleEndian(span[16..]);
        long sequence = BinaryPrimitives.ReadInt64LittleEndian(span[20..]);
        uint count = BinaryPrimitives.ReadUInt32LittleEndian(span[28..]);
        if (fromStage < TensorMessage.NoStage || toStage < TensorMessage.NoStage)
        {
            throw new TensorFrameException($"Invalid stage numbers {fromStage} -> {toStage} at offset 12 (each must be >= -1).");
        }

        if (sequence < 0)
        {
            throw new TensorFrameException($"Negative sequence number {sequence} at offset 20.");
        }

        int end = declared - ChecksumBytes;
        if (count > (uint)limits.MaxTensors || count > (uint)((end - HeaderBytes) / MinimumTensorBytes))
        {
            throw new TensorFrameException(
                $"The frame declares {count} tensors at offset 28, more than the limit ({limits.MaxTensors}) or than {end - HeaderBytes} bytes can hold.");
        }

        var tensors = new NamedTensor[count];
        var reader = new FrameCursor(frame[..end], HeaderBytes);
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < tensors.Length; i++)
        {
            tensors[i] = ReadTensor(ref reader, i, limits);
            if (!names.Add(tensors[i].Name))
            {
                throw new TensorFrameException($"Tensor {i} repeats the name '{tensors[i].Name}'.");
            }
        }

        if (reader.Offset != end)
        {
            throw new TensorFrameException(
                $"{end - reader.Offset} unexplained bytes after the last tensor at offset {reader.Offset}.");
        }

        return new TensorMessage(fromStage, toStage, sequence, tensors);
    }

    /// <summary>Writes one message as a frame to a stream.</summary>
    /// <param name="stream">The destination.</param>
    /// <param name="message">The message.</param>
    /// <param name="limits">The limits the frame must respect; default <see cref="TensorFrameLimits.Default"/>.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the frame is written.</returns>
    /// <exception cref="TensorFrameException">The message exceeds a limit.</exception>
    public static async ValueTask WriteAsync(
        Stream stream, TensorMessage message, TensorFrameLimits? limits = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        byte[] frame = Encode(message, limits);
        await stream.WriteAsync(frame, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Reads the next frame from a stream. At most <see cref="TensorFrameLimits.MaxFrameBytes"/> bytes are allocated,
    /// and only after the prefix has been checked.
    /// </summary>
    /// <param name="stream">The source.</param>
    /// <param name="limits">The limits to enforce; default <see cref="TensorFrameLimits.Default"/>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The message, or <see langword="null"/> when the stream ended cleanly before a frame began.</returns>
    /// <exception cref="TensorFrameException">The frame is malformed, or the stream ended inside it.</exception>
    public static async ValueTask<TensorMessage?> ReadAsync(
        Stream stream, TensorFrameLimits? limits = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        limits ??= TensorFrameLimits.Default;
        limits.Validate();
        byte[] prefix = new byte[PrefixBytes];
        int read = await stream.ReadAtLeastAsync(prefix, PrefixBytes, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        if (read == 0)
        {
            return null;
        }

        if (read < PrefixBytes)
        {
            throw new TensorFrameException($"Truncated frame: the stream ended after {read} of the {PrefixBytes} prefix bytes.");
        }

        int declared = CheckPrefix(prefix, limits);
        byte[] frame = new byte[declared];
        prefix.CopyTo(frame, 0);
        read = await stream.ReadAtLeastAsync(frame.AsMemory(PrefixBytes), declared - PrefixBytes, throwOnEndOfStream: false, cancellationToken)
            .ConfigureAwait(false);
        if (read < declared - PrefixBytes)
        {
            throw new TensorFrameException(
                $"Truncated frame: the stream ended after {PrefixBytes + read} of the {declared} bytes the frame declares.");
        }

        return Decode(frame, limits);
    }

    /// <summary>Checks magic, version, reserved bytes and the declared length; returns the declared length.</summary>
    private static int CheckPrefix(ReadOnlySpan<byte> span, TensorFrameLimits limits)
    {
        if (span.Length < PrefixBytes)
        {
            throw new TensorFrameException($"Truncated frame: {span.Length} bytes, fewer than the {MinimumFrameBytes} of the smallest frame.");
        }

        if (!span[..4].SequenceEqual(Magic))
        {
            throw new TensorFrameException(
                $"Not a tensor frame: the first bytes are {Convert.ToHexString(span[..4])}, expected {Convert.ToHexString(Magic)} (\"PCTF\").");
        }

        if (span[4] != Version)
        {
            throw new TensorFrameException($"Unsupported frame version {span[4]}; this library reads version {Version}.");
        }

        if (span[5] != 0 || span[6] != 0 || span[7] != 0)
        {
            throw new TensorFrameException("Reserved header bytes 5..7 are not zero.");
        }

        uint declared = BinaryPrimitives.ReadUInt32LittleEndian(span[8..]);
        if (declared < MinimumFrameBytes || declared > (uint)limits.MaxFrameBytes)
        {
            throw new TensorFrameException(
                $"The frame declares {declared} bytes; a frame has between {MinimumFrameBytes} and {limits.MaxFrameBytes} (MaxFrameBytes).");
        }

        return (int)declared;
    }

    private static NamedTensor ReadTensor(ref FrameCursor reader, int index, TensorFrameLimits limits)
    {
        int start = reader.Offset;
        uint nameLength = reader.ReadUInt32();
        if (nameLength == 0 || nameLength > (uint)limits.MaxNameBytes || nameLength > (uint)reader.Remaining)
        {
            throw new TensorFrameException(
                $"Tensor {index} at offset {start}: name length {nameLength} is zero, over the limit ({limits.MaxNameBytes}) or past the end.");
        }

        string name;
        try
        {
            name = StrictUtf8.GetString(reader.ReadBytes((int)nameLength).Span);
        }
        catch (DecoderFallbackException ex)
        {
            throw new TensorFrameException($"Tensor {index} at offset {start}: the name is not valid UTF-8.", ex);
        }

        uint code = reader.ReadUInt32();
        var type = (ElementType)code;
        if (code > int.MaxValue || !ElementTypes.IsSupported(type))
        {
            throw new TensorFrameException($"Tensor '{name}': unsupported element type {code}.");
        }

        uint rank = reader.ReadUInt32();
        if (rank > (uint)limits.MaxRank || rank > (uint)(reader.Remaining / 8))
        {
            throw new TensorFrameException(
                $"Tensor '{name}': rank {rank} is over the limit ({limits.MaxRank}) or past the end of the frame.");
        }

        long[] shape = new long[rank];
        for (int d = 0; d < shape.Length; d++)
        {
            shape[d] = reader.ReadInt64();
            if (shape[d] < 0)
            {
                throw new TensorFrameException($"Tensor '{name}': dimension {d} is negative ({shape[d]}).");
            }
        }

        ulong payload = reader.ReadUInt64();
        long? count = NamedTensor.CountElements(shape);
        int size = ElementTypes.SizeOf(type);
        if (count is null || count.Value > long.MaxValue / size)
        {
            throw new TensorFrameException(
                $"Tensor '{name}': the element count of shape [{string.Join(", ", shape)}] overflows.");
        }

        if ((ulong)(count.Value * size) != payload)
        {
            throw new TensorFrameException(string.Create(
                CultureInfo.InvariantCulture,
                $"Tensor '{name}': payload length {payload} does not equal {count.Value} elements × {size} bytes."));
        }

        if (payload > (ulong)reader.Remaining)
        {
            throw new TensorFrameException($"Tensor '{name}': payload of {payload} bytes runs past the end of the frame.");
        }

        ReadOnlyMemory<byte> data = reader.ReadBytes((int)payload);
        if (type == ElementType.Bool && data.Span.ContainsAnyExcept((byte)0, (byte)1))
        {
            throw new TensorFrameException($"Tensor '{name}': a bool element is not 0 or 1.");
        }

        return NamedTensor.Wrap(name, type, shape, data);
    }
}
