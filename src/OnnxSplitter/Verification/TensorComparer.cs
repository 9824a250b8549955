using System.Runtime.InteropServices;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using PartitionCompiler.Partitioning.Graph;

namespace PartitionCompiler.OnnxSplitter.Verification;

/// <summary>
/// Compares two tensors element by element in double precision (<see cref="TensorDifference"/>). Floats of every width,
/// integers and bools are compared by value; strings count a difference of 1 where they differ.
/// </summary>
internal static class TensorComparer
{
    /// <summary>The type and shape of a tensor value as text (<c>float32[1,64,56,56]</c>), or a description of a non-tensor.</summary>
    public static string Describe(OrtValue value)
    {
        if (value.OnnxType != OnnxValueType.ONNX_TYPE_TENSOR)
        {
            return value.OnnxType.ToString();
        }

        var info = value.GetTensorTypeAndShape();
        return ((ElementType)(int)info.ElementDataType).NumpyName() + "[" + string.Join(",", info.Shape) + "]";
    }

    /// <summary>The difference of <paramref name="actual"/> from <paramref name="expected"/>; both must have the same type and shape.</summary>
    public static TensorDifference Compare(OrtValue actual, OrtValue expected)
    {
        var type = expected.GetTensorTypeAndShape().ElementDataType;
        return type switch
        {
            TensorElementType.Float => Floating(actual.GetTensorDataAsSpan<float>(), expected.GetTensorDataAsSpan<float>(), static v => v),
            TensorElementType.Double => Floating(actual.GetTensorDataAsSpan<double>(), expected.GetTensorDataAsSpan<double>(), static v => v),
            TensorElementType.Float16 => Floating(Bits(actual), Bits(expected), static v => (double)BitConverter.UInt16BitsToHalf(v)),
            TensorElementType.BFloat16 => Floating(Bits(actual), Bits(expected), static v => (double)BitConverter.Int32BitsToSingle(v << 16)),
            TensorElementType.Int8 => Exact(actual.GetTensorDataAsSpan<sbyte>(), expected.GetTensorDataAsSpan<sbyte>(), static v => v),
            TensorElementType.UInt8 => Exact(actual.GetTensorDataAsSpan<byte>(), expected.GetTensorDataAsSpan<byte>(), static v => v),
            TensorElementType.Int16 => Exact(actual.GetTensorDataAsSpan<short>(), expected.GetTensorDataAsSpan<short>(), static v => v),
            TensorElementType.UInt16 => Exact(actual.GetTensorDataAsSpan<ushort>(), expected.GetTensorDataAsSpan<ushort>(), static v => v),
            TensorElementType.Int32 => Exact(actual.GetTensorDataAsSpan<int>(), expected.GetTensorDataAsSpan<int>(), static v => v),
            TensorElementType.UInt32 => Exact(actual.GetTensorDataAsSpan<uint>(), expected.GetTensorDataAsSpan<uint>(), static v => v),
            TensorElementType.Int64 => Exact(actual.GetTensorDataAsSpan<long>(), expected.GetTensorDataAsSpan<long>(), static v => v),
            TensorElementType.UInt64 => Exact(actual.GetTensorDataAsSpan<ulong>(), expected.GetTensorDataAsSpan<ulong>(), static v => v),
            TensorElementType.Bool => Exact(actual.GetTensorDataAsSpan<bool>(), expected.GetTensorDataAsSpan<bool>(), static v => v ? 1 : 0),
            TensorElementType.String => Strings(actual.GetStringTensorAsArray(), expected.GetStringTensorAsArray()),
            _ => RawBytes(actual, expected),
        };
    }

    /// <summary>The raw 16-bit words of a float16 or bfloat16 tensor (read only; the typed accessors refuse these types).</summary>
    private static ReadOnlySpan<ushort> Bits(OrtValue value) => MemoryMarshal.Cast<byte, ushort>(value.GetTensorMutableRawData());

    /// <summary>Floating-point comparison: non-finite values must match exactly (NaN with NaN, +inf with +inf).</summary>
    private static TensorDifference Floating<T>(ReadOnlySpan<T> actual, ReadOnlySpan<T> expected, Func<T, double> toDouble)
    {
        double maxAbs = 0;
        double maxRef = 0;
        long mismatches = 0;
        long first = -1;
        for (int i = 0; i < expected.Length; i++)
        {
            double a = toDouble(actual[i]);
            double b = toDouble(expected[i]);
            if (double.IsFinite(a) && double.IsFinite(b))
            {
                maxAbs = Math.Max(maxAbs, Math.Abs(a - b));
                maxRef = Math.Max(maxRef, Math.Abs(b));
            }
            else if (!(double.IsNaN(a) && double.IsNaN(b)) && !a.Equals(b))
            {
                mismatches++;
                if (first < 0)
                {
                    first = i;
                }
            }
        }

        return new TensorDifference(maxAbs, maxRef, mismatches, first);
    }

    private static TensorDifference Exact<T>(ReadOnlySpan<T> actual, ReadOnlySpan<T> expected, Func<T, double> toDouble)
    {
        double maxAbs = 0;
        double maxRef = 0;
        for (int i = 0; i < expected.Length; i++)
        {
            double b = toDouble(expected[i]);
            maxAbs = Math.Max(maxAbs, Math.Abs(toDouble(actual[i]) - b));
            maxRef = Math.Max(maxRef, Math.Abs(b));
        }

        return new TensorDifference(maxAbs, maxRef, 0, -1);
    }

    private static TensorDifference Strings(string[] actual, string[] expected)
    {
        long differing = 0;
        for (int i = 0; i < expected.Length; i++)
        {
            if (!string.Equals(actual[i], expected[i], StringComparison.Ordinal))
            {
                differing++;
            }
        }

        return new TensorDifference(differing > 0 ? 1 : 0, 1, 0, -1);
    }

    /// <summary>Types without a numeric reading (8-bit and 4-bit floats, complex): equal bytes or a difference of 1.</summary>
    private static TensorDifference RawBytes(OrtValue actual, OrtValue expected)
    {
        bool equal = actual.GetTensorMutableRawData().SequenceEqual(expected.GetTensorMutableRawData());
        return new TensorDifference(equal ? 0 : 1, 1, 0, -1);
    }
}
