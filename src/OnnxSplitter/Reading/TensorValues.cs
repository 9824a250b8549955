using System.Buffers.Binary;
using PartitionCompiler.OnnxSplitter.Proto;
using PartitionCompiler.Partitioning.Graph;

namespace PartitionCompiler.OnnxSplitter.Reading;

/// <summary>
/// Decodes the values of a small tensor, from little-endian <c>raw_data</c> or from the typed repeated field the ONNX
/// format assigns to its element type. Integers and bools become <see cref="long"/>s, floating-point values
/// <see cref="double"/>s; other types (strings, complex, 8-bit floats, 4-bit integers) are not decoded.
/// </summary>
internal static class TensorValues
{
    /// <summary>True when values of this type can be decoded into a <see cref="ConstantTensor"/>.</summary>
    public static bool IsDecodable(ElementType type) => type is ElementType.Float32 or ElementType.Float64
        or ElementType.Float16 or ElementType.BFloat16 or ElementType.Int8 or ElementType.UInt8 or ElementType.Int16
        or ElementType.UInt16 or ElementType.Int32 or ElementType.UInt32 or ElementType.Int64 or ElementType.UInt64
        or ElementType.Bool;

    /// <summary>The number of entries the typed field of this element type must hold for <paramref name="count"/> elements, or null where the
    /// format packs them (4-bit types, complex numbers) and no simple count applies.</summary>
    public static long? TypedFieldCount(TensorProto tensor, ElementType type) => type switch
    {
        ElementType.Float32 => tensor.FloatData.Count,
        ElementType.Float64 => tensor.DoubleData.Count,
        ElementType.Int64 => tensor.Int64Data.Count,
        ElementType.UInt32 or ElementType.UInt64 => tensor.Uint64Data.Count,
        ElementType.String => tensor.StringData.Count,
        ElementType.Int8 or ElementType.UInt8 or ElementType.Int16 or ElementType.UInt16 or ElementType.Int32
            or ElementType.Bool or ElementType.Float16 or ElementType.BFloat16 or ElementType.Float8E4M3FN
            or ElementType.Float8E4M3FNUZ or ElementType.Float8E5M2 or ElementType.Float8E5M2FNUZ
            or ElementType.Float8E8M0 => tensor.Int32Data.Count,
        _ => null,
    };

    /// <summary>True when any typed data field holds something.</summary>
    public static bool HasTypedData(TensorProto tensor) => tensor.FloatData.Count > 0 || tensor.DoubleData.Count > 0
        || tensor.Int32Data.Count > 0 || tensor.Int64Data.Count > 0 || tensor.Uint64Data.Count > 0 || tensor.StringData.Count > 0;

    /// <summary>Decodes <paramref name="count"/> values from little-endian bytes.</summary>
    public static ConstantTensor FromRaw(ElementType type, long[] dims, ReadOnlySpan<byte> raw, int count)
    {
        if (type.IsFloatingPoint())
        {
            var reals = new double[count];
            for (int i = 0; i < count; i++)
            {
                reals[i] = type switch
                {
                    ElementType.Float32 => BinaryPrimitives.ReadSingleLittleEndian(raw[(i * 4)..]),
                    ElementType.Float64 => BinaryPrimitives.ReadDoubleLittleEndian(raw[(i * 8)..]),
                    ElementType.Float16 => (double)BitConverter.UInt16BitsToHalf(BinaryPrimitives.ReadUInt16LittleEndian(raw[(i * 2)..])),
                    _ => BFloat16ToDouble(BinaryPrimitives.ReadUInt16LittleEndian(raw[(i * 2)..])),
                };
            }

            return ConstantTensor.FromReals(type, dims, reals);
        }

        var integers = new long[count];
        for (int i = 0; i < count; i++)
        {
            integers[i] = type switch
            {
                ElementType.Int8 => (sbyte)raw[i],
                ElementType.UInt8 => raw[i],
                ElementType.Bool => raw[i] != 0 ? 1 : 0,
                ElementType.Int16 => BinaryPrimitives.ReadInt16LittleEndian(raw[(i * 2)..]),
                ElementType.UInt16 => BinaryPrimitives.ReadUInt16LittleEndian(raw[(i * 2)..]),
                ElementType.Int32 => BinaryPrimitives.ReadInt32LittleEndian(raw[(i * 4)..]),
                ElementType.UInt32 => BinaryPrimitives.ReadUInt32LittleEndian(raw[(i * 4)..]),
                ElementType.Int64 => BinaryPrimitives.ReadInt64LittleEndian(raw[(i * 8)..]),
                _ => unchecked((long)BinaryPrimitives.ReadUInt64LittleEndian(raw[(i * 8)..])),
            };
        }

        return ConstantTensor.FromIntegers(type, dims, integers);
    }

    /// <summary>Decodes <paramref name="count"/> values from the typed field of the element type.</summary>
    public static ConstantTensor FromTyped(TensorProto tensor, ElementType type, long[] dims, int count)
    {
        switch (type)
        {
            case ElementType.Float32:
                return ConstantTensor.FromReals(type, dims, tensor.FloatData.Take(count).Select(f => (double)f).ToArray());
            case ElementType.Float64:
                return ConstantTensor.FromReals(type, dims, tensor.DoubleData.Take(count).ToArray());
            case ElementType.Float16:
                return ConstantTensor.FromReals(type, dims,
                    tensor.Int32Data.Take(count).Select(bits => (double)BitConverter.UInt16BitsToHalf(unchecked((ushort)bits))).ToArray());
            case ElementType.BFloat16:
                return ConstantTensor.FromReals(type, dims,
                    tensor.Int32Data.Take(count).Select(bits => BFloat16ToDouble(unchecked((ushort)bits))).ToArray());
            case ElementType.Int64:
                return ConstantTensor.FromIntegers(type, dims, tensor.Int64Data.Take(count).ToArray());
            case ElementType.UInt32:
            case ElementType.UInt64:
                return ConstantTensor.FromIntegers(type, dims, tensor.Uint64Data.Take(count).Select(v => unchecked((long)v)).ToArray());
            case ElementType.Bool:
                return ConstantTensor.FromIntegers(type, dims, tensor.Int32Data.Take(count).Select(v => v != 0 ? 1L : 0L).ToArray());
            default:
                return ConstantTensor.FromIntegers(type, dims, tensor.Int32Data.Take(count).Select(v => (long)v).ToArray());
        }
    }

    private static double BFloat16ToDouble(ushort bits) => BitConverter.Int32BitsToSingle(bits << 16);
}
