using PartitionCompiler.OnnxSplitter.Verification;
using PartitionCompiler.Partitioning.Graph;

namespace PartitionCompiler.OnnxSplitter.Tests.Verification;

/// <summary>The proof's inputs: seeded, floats uniform in [-1, 1], integer ids in [0, 8), bools true, at the pinned shapes.</summary>
public sealed class RandomInputsTests
{
    private static readonly GraphInputValue[] Inputs =
    [
        new("f", ElementType.Float32, [2, 500]),
        new("ids", ElementType.Int64, [1, 300]),
        new("mask", ElementType.Bool, [4]),
        new("h", ElementType.Float16, [64]),
    ];

    [Fact]
    public void Values_lie_in_their_ranges_and_use_them()
    {
        var values = RandomInputs.Create(Inputs, 2, 42);
        try
        {
            Assert.Equal(2, values.Count);
            float[] floats = values[0][0].GetTensorDataAsSpan<float>().ToArray();
            Assert.Equal(1000, floats.Length);
            Assert.All(floats, v => Assert.InRange(v, -1f, 1f));
            Assert.True(floats.Min() < -0.9f && floats.Max() > 0.9f);
            long[] ids = values[0][1].GetTensorDataAsSpan<long>().ToArray();
            Assert.All(ids, v => Assert.InRange(v, 0, 7));
            Assert.Equal(8, ids.Distinct().Count());
            Assert.All(values[0][2].GetTensorDataAsSpan<bool>().ToArray(), Assert.True);
            Assert.All(System.Runtime.InteropServices.MemoryMarshal.Cast<byte, ushort>(values[0][3].GetTensorMutableRawData()).ToArray(), v => Assert.InRange((float)BitConverter.UInt16BitsToHalf(v), -1f, 1f));
            Assert.Equal([1L, 300], values[1][1].GetTensorTypeAndShape().Shape);
        }
        finally
        {
            Dispose(values);
        }
    }

    [Fact]
    public void The_same_seed_gives_the_same_inputs_and_another_seed_others()
    {
        var first = RandomInputs.Create(Inputs, 2, 42);
        var again = RandomInputs.Create(Inputs, 2, 42);
        var other = RandomInputs.Create(Inputs, 2, 43);
        try
        {
            for (int run = 0; run < 2; run++)
            {
                Assert.Equal(first[run][0].GetTensorDataAsSpan<float>().ToArray(), again[run][0].GetTensorDataAsSpan<float>().ToArray());
                Assert.Equal(first[run][1].GetTensorDataAsSpan<long>().ToArray(), again[run][1].GetTensorDataAsSpan<long>().ToArray());
                Assert.NotEqual(first[run][0].GetTensorDataAsSpan<float>().ToArray(), other[run][0].GetTensorDataAsSpan<float>().ToArray());
            }

            Assert.NotEqual(first[0][0].GetTensorDataAsSpan<float>().ToArray(), first[1][0].GetTensorDataAsSpan<float>().ToArray());
        }
        finally
        {
            Dispose(first);
            Dispose(again);
            Dispose(other);
        }
    }

    private static void Dispose(List<Microsoft.ML.OnnxRuntime.OrtValue[]> values)
    {
        foreach (var value in values.SelectMany(v => v))
        {
            value.Dispose();
        }
    }
}
