using PartitionCompiler.Partitioning.Collections;

namespace PartitionCompiler.Partitioning.Graph;

/// <summary>
/// A weight stored in the model (an initializer). <see cref="Value"/> holds its values when it is small
/// (shape constants, axes); large weights keep only their size.
/// </summary>
/// <param name="ByteSize">Bytes of the tensor's data, wherever it is stored (inline or external).</param>
/// <param name="IsExternal">True when the data lives in an external file beside the model.</param>
public sealed record InitializerSpec(
    string Name,
    ElementType ElementType,
    EquatableArray<long> Dims,
    long ByteSize,
    ConstantTensor? Value,
    bool IsExternal)
{
    public TensorType Type => new(ElementType, new TensorShape(Dims.Select(d => new Dim(d)).ToEquatableArray()));
}
