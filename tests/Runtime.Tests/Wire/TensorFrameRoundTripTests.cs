using CsCheck;
using PartitionCompiler.Runtime.Tensors;
using PartitionCompiler.Runtime.Transport;
using PartitionCompiler.Runtime.Wire;

namespace PartitionCompiler.Runtime.Tests.Wire;

public sealed class TensorFrameRoundTripTests
{
    public static TheoryData<ElementType> AllTypes() => [.. ElementTypes.All];

    [Theory]
    [MemberData(nameof(AllTypes))]
    public void Every_element_type_round_trips_in_matrix_scalar_and_zero_size_shapes(ElementType type)
    {
        var rng = new Random((int)type);
        var message = new TensorMessage(0, 1, 7, [
            RandomTensors.Tensor(rng, "matrix", type, [3, 5]),
            RandomTensors.Tensor(rng, "scalar", type, []),
            RandomTensors.Tensor(rng, "empty", type, [2, 0, 4]),
            RandomTensors.Tensor(rng, "vector", type, [1]),
        ]);

        TensorMessage decoded = TensorFrame.Decode(TensorFrame.Encode(message));

        Assert.Equal(message, decoded);
        Assert.Equal(type, decoded["matrix"].ElementType);
        Assert.Equal(0, decoded["scalar"].Rank);
        Assert.Equal(1, decoded["scalar"].ElementCount);
        Assert.Equal(0, decoded["empty"].ElementCount);
        Assert.Equal([2L, 0, 4], decoded["empty"].Shape);
    }

    [Fact]
    public void Empty_message_is_the_minimum_frame_and_keeps_its_header()
    {
        var message = new TensorMessage(TensorMessage.NoStage, 3, long.MaxValue, []);

        byte[] frame = TensorFrame.Encode(message);

        Assert.Equal(TensorFrame.MinimumFrameBytes, frame.Length);
        Assert.Equal("PCTF"u8.ToArray(), frame[..4]);
        TensorMessage decoded = TensorFrame.Decode(frame);
        Assert.Equal(TensorMessage.NoStage, decoded.FromStage);
        Assert.Equal(3, decoded.ToStage);
        Assert.Equal(long.MaxValue, decoded.Sequence);
        Assert.Empty(decoded.Tensors);
    }

    [Fact]
    public void Layout_matches_the_documented_offsets()
    {
        var tensor = NamedTensor.Create("ab", new float[] { 1f, 2f }, 2);
        byte[] frame = TensorFrame.Encode(new TensorMessage(1, 2, 3, [tensor]));

        Assert.Equal(4 + 1 + 3 + 4 + 4 + 4 + 8 + 4 + (4 + 2 + 4 + 4 + 8 + 8 + 8) + 4, frame.Length);
        Assert.Equal(1, frame[4]);
        Assert.Equal(frame.Length, BitConverter.ToInt32(frame, 8));
        Assert.Equal(1, BitConverter.ToInt32(frame, 12));
        Assert.Equal(2, BitConverter.ToInt32(frame, 16));
        Assert.Equal(3L, BitConverter.ToInt64(frame, 20));
        Assert.Equal(1, BitConverter.ToInt32(frame, 28));
        Assert.Equal(2, BitConverter.ToInt32(frame, 32));
        Assert.Equal("ab"u8.ToArray(), frame[36..38]);
        Assert.Equal(1, BitConverter.ToInt32(frame, 38));
        Assert.Equal(1, BitConverter.ToInt32(frame, 42));
        Assert.Equal(2L, BitConverter.ToInt64(frame, 46));
        Assert.Equal(8L, BitConverter.ToInt64(frame, 54));
        Assert.Equal(1f, BitConverter.ToSingle(frame, 62));
        Assert.Equal(2f, BitConverter.ToSingle(frame, 66));
        Assert.Equal(System.IO.Hashing.Crc32.HashToUInt32(frame.AsSpan(0, frame.Length - 4)), BitConverter.ToUInt32(frame, frame.Length - 4));
    }

    [Fact]
    public void Random_messages_round_trip_through_bytes_and_streams()
    {
        Gen.Int.Sample(seed =>
        {
            TensorMessage message = RandomTensors.Message(seed);
            byte[] frame = TensorFrame.Encode(message);
            Assert.Equal(message, TensorFrame.Decode(frame));
        }, iter: 300);
    }

    [Fact]
    public async Task Several_frames_read_back_from_one_stream_in_order_then_null_at_the_end()
    {
        TensorMessage[] messages = [.. Enumerable.Range(0, 20).Select(seed => RandomTensors.Message(seed))];
        using var stream = new MemoryStream();
        foreach (TensorMessage message in messages)
        {
            await TensorFrame.WriteAsync(stream, message, cancellationToken: TestContext.Current.CancellationToken);
        }

        stream.Position = 0;
        foreach (TensorMessage message in messages)
        {
            Assert.Equal(message, await TensorFrame.ReadAsync(stream, cancellationToken: TestContext.Current.CancellationToken));
        }

        Assert.Null(await TensorFrame.ReadAsync(stream, cancellationToken: TestContext.Current.CancellationToken));
    }

    [Fact]
    public void Encoding_over_the_limits_throws_a_frame_exception()
    {
        var tensor = NamedTensor.Create("big", new float[1000], 1000);
        var message = new TensorMessage(0, 1, 0, [tensor]);

        var ex = Assert.Throws<TensorFrameException>(() => TensorFrame.Encode(message, new TensorFrameLimits { MaxFrameBytes = 1000 }));
        Assert.Contains("MaxFrameBytes", ex.Message, StringComparison.Ordinal);
        Assert.Throws<TensorFrameException>(() => TensorFrame.Encode(message, new TensorFrameLimits { MaxNameBytes = 2 }));
        Assert.Throws<TensorFrameException>(() => TensorFrame.Encode(message, new TensorFrameLimits { MaxRank = 0 }));
        Assert.Throws<TensorFrameException>(() => TensorFrame.Encode(message, new TensorFrameLimits { MaxTensors = 0 }));
    }

    [Fact]
    public void A_name_with_a_lone_surrogate_cannot_be_encoded()
    {
        var tensor = NamedTensor.Scalar("bad\ud800", 1f);

        Assert.Throws<TensorFrameException>(() => TensorFrame.Encode(new TensorMessage(0, 1, 0, [tensor])));
    }
}
