using System.Collections.Immutable;

namespace PartitionCompiler.Partitioning.Graph;

/// <summary>
/// The immutable operator graph of a model: nodes in file order, the topological order of the positioned
/// (non-weight) nodes, and every tensor with its producer and consumers. Built by <see cref="GraphBuilder"/>.
/// </summary>
/// <remarks>
/// Positions follow DESIGN.md section 3: the file order when it is topological, else Kahn's algorithm taking the ready
/// node with the smallest file index. Weight producers get no position. Cut k lies after position k (k = -1: before
/// the first node).
/// </remarks>
public sealed class OperatorGraph
{
    private readonly Dictionary<string, GraphTensor> _tensorsByName;
    private readonly Dictionary<string, GraphNode> _nodesByKey;

    internal OperatorGraph(
        ModelSpec model,
        ImmutableArray<GraphNode> nodes,
        ImmutableArray<int> order,
        ImmutableArray<GraphTensor> tensors,
        bool fileOrderWasTopological)
    {
        Model = model;
        Nodes = nodes;
        Order = order;
        Tensors = tensors;
        FileOrderWasTopological = fileOrderWasTopological;
        _tensorsByName = tensors.ToDictionary(t => t.Name, StringComparer.Ordinal);
        _nodesByKey = nodes.ToDictionary(n => n.Key, StringComparer.Ordinal);
    }

    public ModelSpec Model { get; }

    /// <summary>Every node of the main graph, in file order (weight producers included).</summary>
    public ImmutableArray<GraphNode> Nodes { get; }

    /// <summary>Node index for each position 0..n-1.</summary>
    public ImmutableArray<int> Order { get; }

    /// <summary>n: the number of positioned nodes (what the plan calls <c>model.nodes</c>).</summary>
    public int PositionCount => Order.Length;

    /// <summary>Every tensor: graph inputs, initializers, then node outputs in file order.</summary>
    public ImmutableArray<GraphTensor> Tensors { get; }

    /// <summary>True when the file listed the nodes in a topological order already.</summary>
    public bool FileOrderWasTopological { get; }

    /// <summary>The node at a position.</summary>
    public GraphNode NodeAt(int position) => Nodes[Order[position]];

    public GraphTensor Tensor(string name) => _tensorsByName[name];

    public bool TryGetTensor(string name, out GraphTensor tensor) => _tensorsByName.TryGetValue(name, out tensor!);

    public bool TryGetNode(string key, out GraphNode node) => _nodesByKey.TryGetValue(key, out node!);

    /// <summary>The position at which a tensor becomes available: -1 for graph inputs, initializers and weights, else its producer's position.</summary>
    public int AvailableAt(GraphTensor tensor) =>
        tensor.Kind == TensorKind.Activation ? Nodes[tensor.Producer!.Value].Position!.Value : -1;
}
