namespace PartitionCompiler.Runtime.Tensors;

/// <summary>
/// Element types a <see cref="NamedTensor"/> can hold. Each value equals the ONNX <c>TensorProto.DataType</c> number,
/// which is also the code written on the wire.
/// </summary>
public enum ElementType
{
    /// <summary>32-bit IEEE float (<c>float32</c>, ONNX 1).</summary>
    Float32 = 1,

    /// <summary>Unsigned 8-bit integer (<c>uint8</c>, ONNX 2).</summary>
    UInt8 = 2,

    /// <summary>Signed 8-bit integer (<c>int8</c>, ONNX 3).</summary>
    Int8 = 3,

    /// <summary>Unsigned 16-bit integer (<c>uint16</c>, ONNX 4).</summary>
    UInt16 = 4,

    /// <summary>Signed 16-bit integer (<c>int16</c>, ONNX 5).</summary>
    Int16 = 5,

    /// <summary>Signed 32-bit integer (<c>int32</c>, ONNX 6).</summary>
    Int32 = 6,

    /// <summary>Signed 64-bit integer (<c>int64</c>, ONNX 7).</summary>
    Int64 = 7,

    /// <summary>Boolean stored as one byte, 0 or 1 (<c>bool</c>, ONNX 9).</summary>
    Bool = 9,

    /// <summary>16-bit IEEE half float (<c>float16</c>, ONNX 10).</summary>
    Float16 = 10,

    /// <summary>64-bit IEEE float (<c>float64</c>, ONNX 11).</summary>
    Float64 = 11,

    /// <summary>Unsigned 32-bit integer (<c>uint32</c>, ONNX 12).</summary>
    UInt32 = 12,

    /// <summary>Unsigned 64-bit integer (<c>uint64</c>, ONNX 13).</summary>
    UInt64 = 13,

    /// <summary>Brain float, the upper 16 bits of a float32 (<c>bfloat16</c>, ONNX 16).</summary>
    BFloat16 = 16,
}
