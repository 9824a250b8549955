using PartitionCompiler.Partitioning.Graph;

namespace PartitionCompiler.Partitioning.Shapes;

/// <summary>The types and folded values decided so far, by tensor name.</summary>
internal sealed class ShapeState
{
    public Dictionary<string, TensorType> Types { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, ConstantValue> Values { get; } = new(StringComparer.Ordinal);

    /// <summary>Tensors whose shape static inference could not decide.</summary>
    public HashSet<string> Undecided { get; } = new(StringComparer.Ordinal);

    public TensorType? TypeOf(string name) => Types.GetValueOrDefault(name);

    public ConstantValue? ValueOf(string name) => Values.GetValueOrDefault(name);
}
