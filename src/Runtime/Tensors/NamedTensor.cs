using System.Runtime.InteropServices;

namespace PartitionCompiler.Runtime.Tensors;

/// <summary>
/// An immutable tensor with a name: element type, shape and a little-endian payload of
/// <c>product(shape) × size(element type)</c> bytes in row-major order. This is what stages consume and produce
/// and what transports move. Two instances are equal when name, element type, shape and payload bytes are equal.
/// </summary>
public sealed partial class NamedTensor : IEquatable<NamedTensor>
{
    private readonly long[] _shape;

    /// <summary>Creates a tensor from raw little-endian bytes (the bytes are copied).</summary>
    /// <param name="name">The tensor's name as in the ONNX model; not empty.</param>
    /// <param name="elementType">A supported element type.</param>
    /// <param name="shape">The dimensions; each non-negative. Empty for a scalar.</param>
    /// <param name="data">The payload: exactly element count × element size bytes.</param>
    /// <exception cref="ArgumentException">The name is empty, a dimension is negative, the element count
    /// overflows, the payload length does not match, or a bool byte is not 0 or 1.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The element type is not supported.</exception>
    public NamedTensor(string name, ElementType elementType, ReadOnlySpan<long> shape, ReadOnlySpan<byte> data)
        : this(name, elementType, shape.ToArray(), data.ToArray(), validate: true)
    {
    }

    private NamedTensor(string name, ElementType elementType, long[] shape, ReadOnlyMemory<byte> data, bool validate)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        int size = ElementTypes.SizeOf(elementType);
        Name = name;
        ElementType = elementType;
        _shape = shape;
        Data = data;
        if (!validate)
        {
            ElementCount = CountElements(shape) ?? throw new ArgumentException("The element count overflows.", nameof(shape));
            return;
        }

        long? count = CountElements(shape);
        if (count is null)
        {
            throw new ArgumentException(
                $"Tensor '{name}': the shape [{string.Join(", ", shape)}] has a negative dimension or its element count overflows.",
                nameof(shape));
        }

        ElementCount = count.Value;
        if (ElementCount > long.MaxValue / size || ElementCount * size != data.Length)
        {
            throw new ArgumentException(
                $"Tensor '{name}': {data.Length} payload bytes given, but shape [{string.Join(", ", shape)}] of {ElementTypes.ToName(elementType)} needs {(ElementCount > long.MaxValue / size ? "more than 2^63" : (ElementCount * size).ToString(System.Globalization.CultureInfo.InvariantCulture))}.",
                nameof(data));
        }

        if (elementType == ElementType.Bool && data.Span.ContainsAnyExcept((byte)0, (byte)1))
        {
            throw new ArgumentException($"Tensor '{name}': a bool element is not 0 or 1.", nameof(data));
        }
    }

    /// <summary>The tensor's name.</summary>
    public string Name { get; }

    /// <summary>The element type.</summary>
    public ElementType ElementType { get; }

    /// <summary>The dimensions (empty for a scalar).</summary>
    public IReadOnlyList<long> Shape => _shape;

    /// <summary>The number of dimensions.</summary>
    public int Rank => _shape.Length;

    /// <summary>The number of elements: the product of the dimensions (1 for a scalar).</summary>
    public long ElementCount { get; }

    /// <summary>The payload: little-endian element bytes in row-major order.</summary>
    public ReadOnlyMemory<byte> Data { get; }

    /// <summary>The payload length in bytes.</summary>
    public int ByteLength => Data.Length;

    /// <summary>Creates a tensor from element values (copied) and a shape.</summary>
    /// <typeparam name="T">The CLR element type, e.g. <see cref="float"/> or <see cref="long"/>.</typeparam>
    /// <param name="name">The tensor's name.</param>
    /// <param name="values">The elements in row-major order.</param>
    /// <param name="shape">The dimensions; their product must equal the number of values.</param>
    /// <returns>The tensor.</returns>
    public static NamedTensor Create<T>(string name, ReadOnlySpan<T> values, ReadOnlySpan<long> shape)
        where T : unmanaged
    {
        EnsureLittleEndian();
        return new NamedTensor(name, ElementTypes.Of<T>(), shape, MemoryMarshal.AsBytes(values));
    }

    /// <summary>Creates a tensor from element values (copied) and a shape.</summary>
    /// <typeparam name="T">The CLR element type.</typeparam>
    /// <param name="name">The tensor's name.</param>
    /// <param name="values">The elements in row-major order.</param>
    /// <param name="shape">The dimensions; their product must equal the number of values.</param>
    /// <returns>The tensor.</returns>
    [System.Runtime.CompilerServices.OverloadResolutionPriority(1)]
    public static NamedTensor Create<T>(string name, T[] values, params long[] shape)
        where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(shape);
        return Create<T>(name, values.AsSpan(), shape.AsSpan());
    }

    /// <summary>Creates a scalar (rank 0) tensor.</summary>
    /// <typeparam name="T">The CLR element type.</typeparam>
    /// <param name="name">The tensor's name.</param>
    /// <param name="value">The value.</param>
    /// <returns>The tensor.</returns>
    public static NamedTensor Scalar<T>(string name, T value)
        where T : unmanaged => Create<T>(name, new ReadOnlySpan<T>(in value), []);

    /// <summary>Copies the elements out as an array.</summary>
    /// <typeparam name="T">A CLR type matching <see cref="ElementType"/>.</typeparam>
    /// <returns>The elements in row-major order.</returns>
    /// <exception cref="InvalidOperationException"><typeparamref name="T"/> does not match the element type.</exception>
    public T[] ToArray<T>()
        where T : unmanaged
    {
        EnsureType<T>();
        EnsureLittleEndian();
        return MemoryMarshal.Cast<byte, T>(Data.Span).ToArray();
    }

    /// <summary>The same tensor under another name (the payload is shared, not copied).</summary>
    /// <param name="name">The new name.</param>
    /// <returns>The renamed tensor.</returns>
    public NamedTensor WithName(string name) => new(name, ElementType, _shape, Data, validate: false);

    /// <inheritdoc />
    public bool Equals(NamedTensor? other) =>
        other is not null
        && string.Equals(Name, other.Name, StringComparison.Ordinal)
        && ElementType == other.ElementType
        && _shape.AsSpan().SequenceEqual(other._shape)
        && Data.Span.SequenceEqual(other.Data.Span);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as NamedTensor);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        hash.Add(Name, StringComparer.Ordinal);
        hash.Add(ElementType);
        foreach (long dim in _shape)
        {
            hash.Add(dim);
        }

        hash.AddBytes(Data.Span[..Math.Min(Data.Length, 64)]);
        return hash.ToHashCode();
    }

    /// <summary>A short description: name, element type and shape.</summary>
    /// <returns>For example <c>images: float32[1, 3, 224, 224]</c>.</returns>
    public override string ToString() => $"{Name}: {ElementTypes.ToName(ElementType)}[{string.Join(", ", _shape)}]";

    /// <summary>Wraps an already validated payload without copying (decoder and conversions only).</summary>
    internal static NamedTensor Wrap(string name, ElementType elementType, long[] shape, ReadOnlyMemory<byte> data) =>
        new(name, elementType, shape, data, validate: false);

    /// <summary>The product of the dimensions, or null when a dimension is negative or the product overflows.</summary>
    internal static long? CountElements(ReadOnlySpan<long> shape)
    {
        if (shape.ContainsAnyInRange(long.MinValue, -1))
        {
            return null;
        }

        if (shape.Contains(0))
        {
            return 0;
        }

        long count = 1;
        foreach (long dim in shape)
        {
            if (count > long.MaxValue / dim)
            {
                return null;
            }

            count *= dim;
        }

        return count;
    }

    private static void EnsureLittleEndian()
    {
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("Tensor payloads are little-endian; big-endian hosts are not supported.");
        }
    }

    private void EnsureType<T>()
        where T : unmanaged
    {
        if (!ElementTypes.Matches<T>(ElementType))
        {
            throw new InvalidOperationException(
                $"Tensor '{Name}' holds {ElementTypes.ToName(ElementType)}, which {typeof(T).Name} cannot hold.");
        }
    }
}
