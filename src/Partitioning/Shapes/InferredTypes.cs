using PartitionCompiler.Partitioning.Graph;

namespace PartitionCompiler.Partitioning.Shapes;

/// <summary>
/// The result of <see cref="ShapeInference.Infer"/>: the type of every tensor that could be decided (graph inputs after
/// pinning, initializers, node outputs), and the activation tensors that static inference could not decide.
/// </summary>
public sealed class InferredTypes
{
    private readonly Dictionary<string, TensorType> _types;
    private readonly Dictionary<string, ConstantValue> _values;
    private readonly HashSet<string> _undecidedSet;

    internal InferredTypes(Dictionary<string, TensorType> types, Dictionary<string, ConstantValue> values, IReadOnlyList<string> undecided)
    {
        _types = types;
        _values = values;
        Undecided = undecided;
        _undecidedSet = new HashSet<string>(undecided, StringComparer.Ordinal);
    }

    /// <summary>Node outputs whose type or shape static inference could not decide (data-dependent shapes, If/Loop/Scan,
    /// unknown ops, and what follows from them), in file order. ONNX Runtime has to be asked for these.</summary>
    public IReadOnlyList<string> Undecided { get; }

    /// <summary>The tensor's type, or null when unknown. Its shape may still hold symbolic dims.</summary>
    public TensorType? TypeOf(string tensorName) => _types.GetValueOrDefault(tensorName);

    /// <summary>Bytes of the tensor, or null unless its shape is fully known.</summary>
    public long? BytesOf(string tensorName) => TypeOf(tensorName) is { } type ? DimMath.Bytes(type) : null;

    /// <summary>True when the tensor is in <see cref="Undecided"/>.</summary>
    public bool IsUndecided(string tensorName) => _undecidedSet.Contains(tensorName);

    /// <summary>The folded values of a small tensor known before running the model (shape arithmetic), or null.</summary>
    internal ConstantValue? ValueOf(string tensorName) => _values.GetValueOrDefault(tensorName);

    /// <summary>The folded integer values of a small tensor (e.g. a Reshape's target shape), or null when not all known.</summary>
    public IReadOnlyList<long>? IntegerValuesOf(string tensorName) =>
        ValueOf(tensorName) is { Integers: not null } value && value.TryGetLongs(out var longs) ? longs : null;
}
