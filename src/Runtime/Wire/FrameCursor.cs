using System.Buffers.Binary;

namespace PartitionCompiler.Runtime.Wire;

/// <summary>Reads little-endian fields from a frame, throwing <see cref="TensorFrameException"/> past its end.</summary>
internal struct FrameCursor(ReadOnlyMemory<byte> buffer, int offset)
{
    private readonly ReadOnlyMemory<byte> _buffer = buffer;

    public int Offset { get; private set; } = offset;

    public readonly int Remaining => _buffer.Length - Offset;

    public uint ReadUInt32() => BinaryPrimitives.ReadUInt32LittleEndian(Take(4).Span);

    public long ReadInt64() => BinaryPrimitives.ReadInt64LittleEndian(Take(8).Span);

    public ulong ReadUInt64() => BinaryPrimitives.ReadUInt64LittleEndian(Take(8).Span);

    public ReadOnlyMemory<byte> ReadBytes(int count) => Take(count);

    private ReadOnlyMemory<byte> Take(int count)
    {
        if (count < 0 || count > Remaining)
        {
            throw new TensorFrameException($"Truncated frame: {count} bytes needed at offset {Offset}, {Remaining} remain.");
        }

        ReadOnlyMemory<byte> slice = _buffer.Slice(Offset, count);
        Offset += count;
        return slice;
    }
}
