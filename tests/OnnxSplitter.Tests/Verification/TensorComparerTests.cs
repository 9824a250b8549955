using Microsoft.ML.OnnxRuntime;
using PartitionCompiler.OnnxSplitter.Verification;

namespace PartitionCompiler.OnnxSplitter.Tests.Verification;

/// <summary>The comparison rule: max_abs over finite elements, max_rel = max_abs / max|ref|, NaN and infinities in place.</summary>
public sealed class TensorComparerTests
{
    [Fact]
    public void Max_abs_and_max_ref_are_taken_over_all_elements()
    {
        var difference = Compare([1f, -4f, 2f], [1.5f, -4f, 1f]);

        Assert.Equal(1.0, difference.MaxAbs);
        Assert.Equal(4.0, difference.MaxRef);
        Assert.Equal(0.25, difference.MaxRel);
        Assert.Equal(0, difference.NonFiniteMismatches);
    }

    [Theory]
    [InlineData(1e-5, 1e-6, 1.0000100, true)]
    [InlineData(1e-5, 1e-6, 1.0000115, false)]
    [InlineData(0.0, 0.0, 1.0, true)]
    [InlineData(0.0, 1e-3, 1.001, true)]
    [InlineData(0.0, 1e-3, 1.0011, false)]
    public void A_tensor_passes_when_max_abs_is_at_most_atol_plus_rtol_times_max_ref(double rtol, double atol, double actual, bool passes)
    {
        using var a = OrtValue.CreateTensorValueFromMemory(new[] { actual, 0.5 }, [2]);
        using var e = OrtValue.CreateTensorValueFromMemory(new[] { 1.0, 0.5 }, [2]);

        Assert.Equal(passes, TensorComparer.Compare(a, e).Within(rtol, atol));
    }

    [Fact]
    public void NaN_and_infinities_must_sit_at_the_same_places_with_the_same_sign()
    {
        Assert.Equal(0, Compare([float.NaN, float.PositiveInfinity, 1f], [float.NaN, float.PositiveInfinity, 1f]).NonFiniteMismatches);

        var moved = Compare([1f, float.NaN, float.NegativeInfinity], [float.NaN, 2f, float.PositiveInfinity]);

        Assert.Equal(3, moved.NonFiniteMismatches);
        Assert.Equal(0, moved.FirstMismatch);
        Assert.False(moved.Within(1, 1));
    }

    [Fact]
    public void A_reference_of_zeros_makes_any_difference_infinitely_relative()
    {
        Assert.Equal(double.PositiveInfinity, Compare([0.5f], [0f]).MaxRel);
        Assert.Equal(0, Compare([0f], [0f]).MaxRel);
    }

    [Fact]
    public void Integers_and_bools_compare_by_value()
    {
        using var a = OrtValue.CreateTensorValueFromMemory(new long[] { 3, 7 }, [2]);
        using var b = OrtValue.CreateTensorValueFromMemory(new long[] { 3, 5 }, [2]);
        Assert.Equal(2, TensorComparer.Compare(a, b).MaxAbs);

        using var t = OrtValue.CreateTensorValueFromMemory(new[] { true, false }, [2]);
        using var f = OrtValue.CreateTensorValueFromMemory(new[] { true, true }, [2]);
        Assert.Equal(1, TensorComparer.Compare(t, f).MaxAbs);
        Assert.Equal("bool[2]", TensorComparer.Describe(t));
    }

    [Fact]
    public void Half_precision_tensors_compare_by_value()
    {
        using var a = Half16([1f, 2f, float.NaN]);
        using var b = Half16([1f, 2.5f, float.NaN]);

        var difference = TensorComparer.Compare(a, b);

        Assert.Equal(0.5, difference.MaxAbs);
        Assert.Equal(0, difference.NonFiniteMismatches);
        Assert.Equal("float16[3]", TensorComparer.Describe(a));
    }

    private static OrtValue Half16(float[] values)
    {
        var value = OrtValue.CreateAllocatedTensorValue(OrtAllocator.DefaultInstance, Microsoft.ML.OnnxRuntime.Tensors.TensorElementType.Float16, [values.Length]);
        var words = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, ushort>(value.GetTensorMutableRawData());
        for (int i = 0; i < values.Length; i++)
        {
            words[i] = BitConverter.HalfToUInt16Bits((Half)values[i]);
        }

        return value;
    }

    private static TensorDifference Compare(float[] actual, float[] expected)
    {
        using var a = OrtValue.CreateTensorValueFromMemory(actual, [actual.Length]);
        using var e = OrtValue.CreateTensorValueFromMemory(expected, [expected.Length]);
        return TensorComparer.Compare(a, e);
    }
}
