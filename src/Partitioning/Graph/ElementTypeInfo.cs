namespace PartitionCompiler.Partitioning.Graph;

/// <summary>Names (numpy spelling, as plans and <c>inspect</c> print them) and sizes of <see cref="ElementType"/>s.</summary>
public static class ElementTypeInfo
{
    private static readonly (ElementType Type, string Name, int Bits)[] Table =
    [
        (ElementType.Float32, "float32", 32),
        (ElementType.UInt8, "uint8", 8),
        (ElementType.Int8, "int8", 8),
        (ElementType.UInt16, "uint16", 16),
        (ElementType.Int16, "int16", 16),
        (ElementType.Int32, "int32", 32),
        (ElementType.Int64, "int64", 64),
        (ElementType.String, "str", 0),
        (ElementType.Bool, "bool", 8),
        (ElementType.Float16, "float16", 16),
        (ElementType.Float64, "float64", 64),
        (ElementType.UInt32, "uint32", 32),
        (ElementType.UInt64, "uint64", 64),
        (ElementType.Complex64, "complex64", 64),
        (ElementType.Complex128, "complex128", 128),
        (ElementType.BFloat16, "bfloat16", 16),
        (ElementType.Float8E4M3FN, "float8_e4m3fn", 8),
        (ElementType.Float8E4M3FNUZ, "float8_e4m3fnuz", 8),
        (ElementType.Float8E5M2, "float8_e5m2", 8),
        (ElementType.Float8E5M2FNUZ, "float8_e5m2fnuz", 8),
        (ElementType.UInt4, "uint4", 4),
        (ElementType.Int4, "int4", 4),
        (ElementType.Float4E2M1, "float4_e2m1fn", 4),
        (ElementType.Float8E8M0, "float8_e8m0fnu", 8),
    ];

    /// <summary>The numpy name (<c>float32</c>, <c>int64</c>, <c>bool</c>...); <c>undefined</c> for unknown values.</summary>
    public static string NumpyName(this ElementType type)
    {
        foreach (var row in Table)
        {
            if (row.Type == type)
            {
                return row.Name;
            }
        }

        return "undefined";
    }

    /// <summary>Parses a numpy name back; false for unknown names.</summary>
    public static bool TryParse(string name, out ElementType type)
    {
        foreach (var row in Table)
        {
            if (string.Equals(row.Name, name, StringComparison.Ordinal))
            {
                type = row.Type;
                return true;
            }
        }

        type = ElementType.Undefined;
        return false;
    }

    /// <summary>Bits per element; 0 where the size is not fixed (strings) or the type is unknown.</summary>
    public static int BitsPerElement(this ElementType type)
    {
        foreach (var row in Table)
        {
            if (row.Type == type)
            {
                return row.Bits;
            }
        }

        return 0;
    }

    /// <summary>Bytes of <paramref name="elementCount"/> packed elements (4-bit types pack two per byte), or null if unknown.</summary>
    public static long? ByteCount(this ElementType type, long elementCount)
    {
        int bits = type.BitsPerElement();
        return bits == 0 ? null : checked((elementCount * bits + 7) / 8);
    }

    public static bool IsFloatingPoint(this ElementType type) => type is ElementType.Float32 or ElementType.Float16
        or ElementType.Float64 or ElementType.BFloat16 or ElementType.Float8E4M3FN or ElementType.Float8E4M3FNUZ
        or ElementType.Float8E5M2 or ElementType.Float8E5M2FNUZ or ElementType.Float4E2M1 or ElementType.Float8E8M0;

    public static bool IsInteger(this ElementType type) => type is ElementType.UInt8 or ElementType.Int8
        or ElementType.UInt16 or ElementType.Int16 or ElementType.Int32 or ElementType.Int64 or ElementType.UInt32
        or ElementType.UInt64 or ElementType.UInt4 or ElementType.Int4;
}
