using Microsoft.ML.OnnxRuntime;

namespace PartitionCompiler.Runtime.Tensors;

/// <summary>Facts about <see cref="ElementType"/> values: byte sizes, numpy names and the CLR types that hold them.</summary>
public static class ElementTypes
{
    private static readonly ElementType[] AllTypes =
    [
        ElementType.Float32, ElementType.UInt8, ElementType.Int8, ElementType.UInt16, ElementType.Int16,
        ElementType.Int32, ElementType.Int64, ElementType.Bool, ElementType.Float16, ElementType.Float64,
        ElementType.UInt32, ElementType.UInt64, ElementType.BFloat16,
    ];

    /// <summary>Every supported element type, in ascending ONNX number order.</summary>
    public static IReadOnlyList<ElementType> All => AllTypes;

    /// <summary>Whether <paramref name="type"/> is one of the supported element types.</summary>
    /// <param name="type">The element type to test (any integer may have been cast to it).</param>
    /// <returns><see langword="true"/> when the type is supported.</returns>
    public static bool IsSupported(ElementType type) => SizeOrZero(type) != 0;

    /// <summary>The size in bytes of one element of <paramref name="type"/>.</summary>
    /// <param name="type">A supported element type.</param>
    /// <returns>1, 2, 4 or 8.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The type is not supported.</exception>
    public static int SizeOf(ElementType type)
    {
        int size = SizeOrZero(type);
        return size != 0
            ? size
            : throw new ArgumentOutOfRangeException(nameof(type), type, $"Element type {(int)type} is not supported.");
    }

    /// <summary>The numpy-style name used by plan files (<c>float32</c>, <c>int64</c>, <c>bool</c>...).</summary>
    /// <param name="type">A supported element type.</param>
    /// <returns>The lowercase name.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The type is not supported.</exception>
    public static string ToName(ElementType type) => type switch
    {
        ElementType.Float32 => "float32",
        ElementType.UInt8 => "uint8",
        ElementType.Int8 => "int8",
        ElementType.UInt16 => "uint16",
        ElementType.Int16 => "int16",
        ElementType.Int32 => "int32",
        ElementType.Int64 => "int64",
        ElementType.Bool => "bool",
        ElementType.Float16 => "float16",
        ElementType.Float64 => "float64",
        ElementType.UInt32 => "uint32",
        ElementType.UInt64 => "uint64",
        ElementType.BFloat16 => "bfloat16",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, $"Element type {(int)type} is not supported."),
    };

    /// <summary>Parses a numpy-style name as written in plan files.</summary>
    /// <param name="name">A name such as <c>float32</c>.</param>
    /// <param name="type">The element type when the name is known.</param>
    /// <returns><see langword="true"/> when the name is known.</returns>
    public static bool TryParse(string? name, out ElementType type)
    {
        foreach (ElementType candidate in AllTypes)
        {
            if (string.Equals(ToName(candidate), name, StringComparison.Ordinal))
            {
                type = candidate;
                return true;
            }
        }

        type = default;
        return false;
    }

    /// <summary>Parses a numpy-style name as written in plan files.</summary>
    /// <param name="name">A name such as <c>float32</c>.</param>
    /// <returns>The element type.</returns>
    /// <exception cref="FormatException">The name is unknown.</exception>
    public static ElementType Parse(string name) => TryParse(name, out ElementType type)
        ? type
        : throw new FormatException($"Unknown element type name '{name}'; expected one of: {string.Join(", ", AllTypes.Select(ToName))}.");

    /// <summary>
    /// The element type held by the CLR type <typeparamref name="T"/>. Both <see cref="Half"/> and ONNX Runtime's
    /// <see cref="Float16"/> map to <see cref="ElementType.Float16"/>; ONNX Runtime's <see cref="BFloat16"/> maps
    /// to <see cref="ElementType.BFloat16"/>.
    /// </summary>
    /// <typeparam name="T">An unmanaged element type.</typeparam>
    /// <returns>The element type.</returns>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> holds no supported element type.</exception>
    public static ElementType Of<T>()
        where T : unmanaged => TryOf(typeof(T), out ElementType type)
        ? type
        : throw new NotSupportedException($"The CLR type {typeof(T).Name} holds no supported tensor element type.");

    /// <summary>Whether the CLR type <typeparamref name="T"/> can hold elements of <paramref name="type"/>.</summary>
    /// <typeparam name="T">An unmanaged element type.</typeparam>
    /// <param name="type">The element type.</param>
    /// <returns><see langword="true"/> when <typeparamref name="T"/> matches.</returns>
    public static bool Matches<T>(ElementType type)
        where T : unmanaged => TryOf(typeof(T), out ElementType own) && own == type;

    private static bool TryOf(Type clrType, out ElementType type)
    {
        type = clrType switch
        {
            _ when clrType == typeof(float) => ElementType.Float32,
            _ when clrType == typeof(byte) => ElementType.UInt8,
            _ when clrType == typeof(sbyte) => ElementType.Int8,
            _ when clrType == typeof(ushort) => ElementType.UInt16,
            _ when clrType == typeof(short) => ElementType.Int16,
            _ when clrType == typeof(int) => ElementType.Int32,
            _ when clrType == typeof(long) => ElementType.Int64,
            _ when clrType == typeof(bool) => ElementType.Bool,
            _ when clrType == typeof(Half) || clrType == typeof(Float16) => ElementType.Float16,
            _ when clrType == typeof(double) => ElementType.Float64,
            _ when clrType == typeof(uint) => ElementType.UInt32,
            _ when clrType == typeof(ulong) => ElementType.UInt64,
            _ when clrType == typeof(BFloat16) => ElementType.BFloat16,
            _ => 0,
        };
        return type != 0;
    }

    private static int SizeOrZero(ElementType type) => type switch
    {
        ElementType.UInt8 or ElementType.Int8 or ElementType.Bool => 1,
        ElementType.UInt16 or ElementType.Int16 or ElementType.Float16 or ElementType.BFloat16 => 2,
        ElementType.Float32 or ElementType.Int32 or ElementType.UInt32 => 4,
        ElementType.Int64 or ElementType.UInt64 or ElementType.Float64 => 8,
        _ => 0,
    };
}
