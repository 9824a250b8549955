using PartitionCompiler.Partitioning.Collections;

namespace PartitionCompiler.Partitioning.Graph;

/// <summary>
/// A tensor of the main graph with its producer and consumers.
/// </summary>
/// <param name="Producer">Index of the producing node, or null for graph inputs and initializers.</param>
/// <param name="Consumers">Indices of the nodes that read it (subgraph reads count), ascending.</param>
/// <param name="DeclaredType">The type the file states (input, initializer or value_info), if any.</param>
public sealed record GraphTensor(
    string Name,
    TensorKind Kind,
    int? Producer,
    EquatableArray<int> Consumers,
    bool IsGraphOutput,
    TensorType? DeclaredType);
