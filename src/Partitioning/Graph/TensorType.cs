namespace PartitionCompiler.Partitioning.Graph;

/// <summary>The type of a tensor: its element type and shape (null when even the rank is unknown).</summary>
public sealed record TensorType(ElementType ElementType, TensorShape? Shape)
{
    /// <summary>Bytes of the whole tensor, or null unless the shape is fully known and the element size fixed.</summary>
    public long? Bytes => Shape?.ElementCount is long count ? ElementType.ByteCount(count) : null;

    public override string ToString() => $"{ElementType.NumpyName()}{Shape?.ToString() ?? "[?]"}";
}
