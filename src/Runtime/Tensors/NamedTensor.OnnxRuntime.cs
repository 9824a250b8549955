using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace PartitionCompiler.Runtime.Tensors;

/// <content>Conversions to and from ONNX Runtime's <see cref="DenseTensor{T}"/> and <see cref="OrtValue"/>.</content>
public sealed partial class NamedTensor
{
    /// <summary>Copies a <see cref="DenseTensor{T}"/> into a named tensor.</summary>
    /// <typeparam name="T">The element type, e.g. <see cref="float"/>, <see cref="Float16"/> or <see cref="bool"/>.</typeparam>
    /// <param name="name">The tensor's name.</param>
    /// <param name="tensor">The source tensor.</param>
    /// <returns>The named tensor.</returns>
    public static NamedTensor FromDenseTensor<T>(string name, DenseTensor<T> tensor)
        where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(tensor);
        long[] shape = new long[tensor.Rank];
        for (int i = 0; i < shape.Length; i++)
        {
            shape[i] = tensor.Dimensions[i];
        }

        return Create<T>(name, tensor.Buffer.Span, shape);
    }

    /// <summary>Copies the elements into a new <see cref="DenseTensor{T}"/>.</summary>
    /// <typeparam name="T">A CLR type matching <see cref="ElementType"/>.</typeparam>
    /// <returns>The dense tensor.</returns>
    /// <exception cref="InvalidOperationException"><typeparamref name="T"/> does not match the element type, or a
    /// dimension exceeds <see cref="int.MaxValue"/>.</exception>
    public DenseTensor<T> ToDenseTensor<T>()
        where T : unmanaged
    {
        int[] dims = new int[_shape.Length];
        for (int i = 0; i < dims.Length; i++)
        {
            dims[i] = _shape[i] <= int.MaxValue
                ? (int)_shape[i]
                : throw new InvalidOperationException($"Tensor '{Name}': dimension {_shape[i]} is too large for a DenseTensor.");
        }

        return new DenseTensor<T>(ToArray<T>(), dims);
    }

    /// <summary>Copies an ONNX Runtime tensor value into a named tensor.</summary>
    /// <param name="name">The tensor's name.</param>
    /// <param name="value">A dense tensor value of a supported element type (not string, sequence or map).</param>
    /// <returns>The named tensor.</returns>
    /// <exception cref="ArgumentException">The value is not a dense tensor of a supported element type.</exception>
    public static NamedTensor FromOrtValue(string name, OrtValue value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!value.IsTensor || value.IsSparseTensor)
        {
            throw new ArgumentException($"Value '{name}' is a {value.OnnxType}, not a dense tensor.", nameof(value));
        }

        OrtTensorTypeAndShapeInfo info = value.GetTensorTypeAndShape();
        var type = (ElementType)(int)info.ElementDataType;
        if (!ElementTypes.IsSupported(type))
        {
            throw new ArgumentException($"Value '{name}' has element type {info.ElementDataType}, which is not supported.", nameof(value));
        }

        long[] shape = info.Shape;
        ReadOnlySpan<byte> bytes = value.GetTensorMutableRawData();
        return new NamedTensor(name, type, shape, bytes);
    }

    /// <summary>
    /// Copies the tensor into a new <see cref="OrtValue"/> allocated by ONNX Runtime's default CPU allocator.
    /// The caller owns (and disposes) the value.
    /// </summary>
    /// <returns>The value.</returns>
    public OrtValue ToOrtValue()
    {
        OrtValue value = OrtValue.CreateAllocatedTensorValue(
            OrtAllocator.DefaultInstance, (TensorElementType)(int)ElementType, (long[])_shape.Clone());
        try
        {
            if (Data.Length > 0)
            {
                Data.Span.CopyTo(value.GetTensorMutableRawData());
            }

            return value;
        }
        catch
        {
            value.Dispose();
            throw;
        }
    }
}
