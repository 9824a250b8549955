using PartitionCompiler.Partitioning.Collections;

namespace PartitionCompiler.Partitioning.Graph;

/// <summary>
/// A node attribute as the core sees it. Only the field that matches <see cref="Kind"/> is meaningful;
/// a <see cref="AttributeKind.Tensor"/> attribute carries its values in <see cref="Tensor"/> when small.
/// Graph attributes keep no body here (the ONNX edge keeps subgraphs inside their node).
/// </summary>
public sealed record AttributeValue(string Name, AttributeKind Kind)
{
    public double Float { get; init; }

    public long Int { get; init; }

    public string String { get; init; } = "";

    public EquatableArray<double> Floats { get; init; } = EquatableArray<double>.Empty;

    public EquatableArray<long> Ints { get; init; } = EquatableArray<long>.Empty;

    public EquatableArray<string> Strings { get; init; } = EquatableArray<string>.Empty;

    /// <summary>Element type and dims of a tensor attribute (values too when small); null otherwise.</summary>
    public ConstantTensor? Tensor { get; init; }
}
