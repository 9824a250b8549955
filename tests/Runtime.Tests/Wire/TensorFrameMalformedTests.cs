using System.Buffers.Binary;
using System.IO.Hashing;
using CsCheck;
using PartitionCompiler.Runtime.Tensors;
using PartitionCompiler.Runtime.Transport;
using PartitionCompiler.Runtime.Wire;

namespace PartitionCompiler.Runtime.Tests.Wire;

public sealed class TensorFrameMalformedTests
{
    // One tensor "ab": float32 [2] at the documented offsets (see TensorFrameRoundTripTests.Layout...).
    private const int NameLengthAt = 32;
    private const int TypeAt = 38;
    private const int RankAt = 42;
    private const int DimAt = 46;
    private const int PayloadLengthAt = 54;

    private static byte[] ValidFrame() =>
        TensorFrame.Encode(new TensorMessage(0, 1, 5, [NamedTensor.Create("ab", new float[] { 1f, 2f }, 2)]));

    /// <summary>Rewrites the checksum so that only the field under test is wrong.</summary>
    private static byte[] Reseal(byte[] frame)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(frame.AsSpan(frame.Length - 4), Crc32.HashToUInt32(frame.AsSpan(0, frame.Length - 4)));
        return frame;
    }

    private static TensorFrameException Rejects(byte[] frame, TensorFrameLimits? limits = null)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        var ex = Assert.Throws<TensorFrameException>(() => TensorFrame.Decode(frame, limits));
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated < 1_000_000, $"Rejecting a {frame.Length}-byte frame allocated {allocated} bytes.");
        return ex;
    }

    [Fact]
    public async Task Truncation_at_every_byte_position_is_rejected_from_memory_and_from_a_stream()
    {
        byte[] frame = TensorFrame.Encode(RandomTensors.Message(42, maxTensors: 3) is { Tensors.Count: > 0 } m
            ? m
            : new TensorMessage(0, 1, 0, [NamedTensor.Create("x", new long[] { 1, 2, 3 }, 3)]));
        for (int length = 0; length < frame.Length; length++)
        {
            Rejects(frame[..length]);
            if (length > 0)
            {
                using var stream = new MemoryStream(frame, 0, length);
                await Assert.ThrowsAsync<TensorFrameException>(
                    async () => await TensorFrame.ReadAsync(stream, cancellationToken: TestContext.Current.CancellationToken));
            }
        }
    }

    [Fact]
    public void Every_flipped_byte_is_rejected()
    {
        byte[] frame = ValidFrame();
        for (int i = 0; i < frame.Length; i++)
        {
            for (int bit = 0; bit < 8; bit++)
            {
                byte[] corrupt = (byte[])frame.Clone();
                corrupt[i] ^= (byte)(1 << bit);
                TensorFrameException ex = Rejects(corrupt);
                if (i >= 12)
                {
                    Assert.Contains("Checksum mismatch", ex.Message, StringComparison.Ordinal);
                }
            }
        }
    }

    [Fact]
    public void Header_errors_name_what_is_wrong()
    {
        byte[] frame = ValidFrame();
        byte[] magic = (byte[])frame.Clone();
        magic[0] = (byte)'X';
        Assert.Contains("Not a tensor frame", Rejects(magic).Message, StringComparison.Ordinal);

        byte[] version = (byte[])frame.Clone();
        version[4] = 2;
        Assert.Contains("version 2", Rejects(version).Message, StringComparison.Ordinal);

        byte[] reserved = (byte[])frame.Clone();
        reserved[6] = 1;
        Assert.Contains("Reserved", Rejects(reserved).Message, StringComparison.Ordinal);

        byte[] trailing = [.. frame, 0];
        Assert.Contains("trailing", Rejects(trailing).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_huge_declared_frame_length_is_rejected_before_anything_is_allocated()
    {
        byte[] frame = ValidFrame();
        BinaryPrimitives.WriteUInt32LittleEndian(frame.AsSpan(8), uint.MaxValue);
        Assert.Contains("declares 4294967295 bytes", Rejects(frame).Message, StringComparison.Ordinal);

        BinaryPrimitives.WriteUInt32LittleEndian(frame.AsSpan(8), 2_000_000_000);
        using var stream = new MemoryStream(frame);
        long before = GC.GetAllocatedBytesForCurrentThread();
        await Assert.ThrowsAsync<TensorFrameException>(
            async () => await TensorFrame.ReadAsync(stream, cancellationToken: TestContext.Current.CancellationToken));
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 1_000_000);

        byte[] small = ValidFrame();
        Assert.Contains("MaxFrameBytes", Rejects(small, new TensorFrameLimits { MaxFrameBytes = 40 }).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(NameLengthAt, 0xFFFFFFFFu, "name length")]
    [InlineData(NameLengthAt, 0u, "name length")]
    [InlineData(NameLengthAt, 5000u, "name length")]
    [InlineData(TypeAt, 8u, "unsupported element type 8")]
    [InlineData(TypeAt, 0x80000001u, "unsupported element type")]
    [InlineData(RankAt, 0xFFFFFFFFu, "rank")]
    [InlineData(RankAt, 33u, "rank")]
    [InlineData(RankAt, 3u, "Truncated")]
    [InlineData(RankAt, 4u, "rank 4")]
    public void Out_of_bounds_tensor_fields_are_rejected(int offset, uint value, string expected)
    {
        byte[] frame = ValidFrame();
        BinaryPrimitives.WriteUInt32LittleEndian(frame.AsSpan(offset), value);

        Assert.Contains(expected, Reject(Reseal(frame)), StringComparison.Ordinal);
    }

    private static string Reject(byte[] frame) => Rejects(frame).Message;

    [Theory]
    [InlineData(DimAt, -1L, "negative")]
    [InlineData(DimAt, long.MaxValue, "overflows")]
    [InlineData(DimAt, 3L, "does not equal")]
    [InlineData(PayloadLengthAt, 16L, "does not equal")]
    [InlineData(PayloadLengthAt, -1L, "does not equal")]
    public void Dimensions_and_payload_lengths_must_agree(int offset, long value, string expected)
    {
        byte[] frame = ValidFrame();
        BinaryPrimitives.WriteInt64LittleEndian(frame.AsSpan(offset), value);

        Assert.Contains(expected, Reject(Reseal(frame)), StringComparison.Ordinal);
    }

    [Fact]
    public void An_element_count_that_overflows_is_rejected()
    {
        var tensor = NamedTensor.Create("t", new float[] { 1f, 2f }, 1, 2);
        byte[] frame = TensorFrame.Encode(new TensorMessage(0, 1, 0, [tensor]));
        // name "t": type at 37, rank at 41, dims at 45 and 53.
        BinaryPrimitives.WriteInt64LittleEndian(frame.AsSpan(45), 1L << 40);
        BinaryPrimitives.WriteInt64LittleEndian(frame.AsSpan(53), 1L << 40);

        Assert.Contains("overflows", Reject(Reseal(frame)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_rank_bomb_and_a_tensor_count_bomb_are_rejected_cheaply()
    {
        byte[] frame = ValidFrame();
        BinaryPrimitives.WriteUInt32LittleEndian(frame.AsSpan(28), 1_000_000_000);
        Assert.Contains("tensors", Reject(Reseal(frame)), StringComparison.Ordinal);

        byte[] rank = ValidFrame();
        BinaryPrimitives.WriteUInt32LittleEndian(rank.AsSpan(RankAt), 30);
        Assert.Contains("rank 30", Rejects(Reseal(rank), new TensorFrameLimits { MaxRank = 64 }).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_names_bools_stages_and_duplicates_are_rejected()
    {
        byte[] utf8 = ValidFrame();
        utf8[36] = 0xC3; // a lead byte followed by 'b' is not UTF-8
        Assert.Contains("UTF-8", Reject(Reseal(utf8)), StringComparison.Ordinal);

        byte[] boolFrame = TensorFrame.Encode(new TensorMessage(0, 1, 0, [NamedTensor.Create("b", new[] { true, false }, 2)]));
        boolFrame[^5] = 2;
        Assert.Contains("bool", Reject(Reseal(boolFrame)), StringComparison.Ordinal);

        byte[] stage = ValidFrame();
        BinaryPrimitives.WriteInt32LittleEndian(stage.AsSpan(12), -2);
        Assert.Contains("stage", Reject(Reseal(stage)), StringComparison.Ordinal);

        byte[] sequence = ValidFrame();
        BinaryPrimitives.WriteInt64LittleEndian(sequence.AsSpan(20), -1);
        Assert.Contains("sequence", Reject(Reseal(sequence)), StringComparison.Ordinal);

        byte[] twice = TensorFrame.Encode(new TensorMessage(0, 1, 0, [NamedTensor.Scalar("a", 1), NamedTensor.Scalar("b", 2)]));
        int second = 32 + 4 + 1 + 4 + 4 + 8 + 4 + 4; // start of the second tensor's name
        twice[second] = (byte)'a';
        Assert.Contains("repeats the name 'a'", Reject(Reseal(twice)), StringComparison.Ordinal);
    }

    [Fact]
    public void Random_bytes_are_rejected()
    {
        Gen.Byte.Array[0, 200].Sample(bytes => { Rejects(bytes); }, iter: 2000);
        // Random bytes behind a valid magic, version and length still fail on their checksum or fields.
        Gen.Byte.Array[0, 200].Sample(bytes =>
        {
            byte[] frame = [.. "PCTF"u8, 1, 0, 0, 0, 0, 0, 0, 0, .. bytes, 0, 0, 0, 0];
            if (frame.Length >= TensorFrame.MinimumFrameBytes)
            {
                BinaryPrimitives.WriteUInt32LittleEndian(frame.AsSpan(8), (uint)frame.Length);
                Rejects(Reseal(frame));
            }
        }, iter: 2000);
    }

    [Fact]
    public void Resealed_mutations_of_valid_frames_decode_or_throw_a_frame_exception_only()
    {
        Gen.Select(Gen.Int, Gen.Int[1, 8], Gen.Int).Sample((seed, flips, where) =>
        {
            byte[] frame = TensorFrame.Encode(RandomTensors.Message(seed, maxTensors: 3));
            var rng = new Random(where);
            for (int i = 0; i < flips; i++)
            {
                frame[rng.Next(12, frame.Length - 4)] = (byte)rng.Next(256);
            }

            try
            {
                _ = TensorFrame.Decode(Reseal(frame));
            }
            catch (TensorFrameException)
            {
                // Expected for most mutations; any other exception type fails the test.
            }
        }, iter: 3000);
    }
}
