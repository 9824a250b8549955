using PartitionCompiler.Partitioning.Collections;
using PartitionCompiler.Partitioning.Costs;
using PartitionCompiler.Partitioning.Graph;
using PartitionCompiler.Partitioning.Shapes;

namespace PartitionCompiler.Partitioning.Plan;

/// <summary>
/// Builds the plan builder's <see cref="PlanGraph"/> from the operator graph, the inferred types and the cost model.
/// </summary>
internal static class PlanGraphFactory
{
    public static PlanGraph FromGraph(OperatorGraph graph, InferredTypes types, GraphCosts costs)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(types);
        ArgumentNullException.ThrowIfNull(costs);
        var positions = new PlanGraphNode[graph.PositionCount];
        for (int p = 0; p < graph.PositionCount; p++)
        {
            var node = graph.NodeAt(p);
            var inputs = new List<string>();
            foreach (string input in node.Spec.AllInputs)
            {
                if (graph.TryGetTensor(input, out var tensor)
                    && tensor.Kind is TensorKind.GraphInput or TensorKind.Activation
                    && !inputs.Contains(input))
                {
                    inputs.Add(input);
                }
            }

            positions[p] = new PlanGraphNode(
                node.Key,
                costs.Nodes[node.Index].Flops,
                inputs.ToEquatableArray(),
                node.Spec.Outputs.Where(o => o.Length > 0).ToEquatableArray(),
                WeightProducers(graph, node));
        }

        var tensors = graph.Tensors
            .Where(t => t.Kind is TensorKind.GraphInput or TensorKind.Activation)
            .Select(t => Tensor(t, types))
            .ToEquatableArray();
        var crossable = new HashSet<string>(tensors.Select(t => t.Name), StringComparer.Ordinal);
        return new PlanGraph(
            positions.ToEquatableArray(),
            tensors,
            graph.Tensors.Where(t => t.Kind == TensorKind.GraphInput).Select(t => t.Name).ToEquatableArray(),
            graph.Model.Outputs.Select(o => o.Name).Where(crossable.Contains).ToEquatableArray(),
            graph.Nodes.Where(n => n.IsWeight).Select(n => n.Key).ToEquatableArray());
    }

    private static PlanGraphTensor Tensor(GraphTensor tensor, InferredTypes types)
    {
        var type = types.TypeOf(tensor.Name) ?? tensor.DeclaredType;
        var shape = type?.Shape is { IsFullyKnown: true } known ? known.ToArray().ToEquatableArray() : EquatableArray<long>.Empty;
        return new PlanGraphTensor(tensor.Name, type?.ElementType.NumpyName() ?? "undefined", shape, type?.Bytes ?? 0);
    }

    /// <summary>The weight producers a node needs, directly or through other weight producers, in file order.</summary>
    private static EquatableArray<string> WeightProducers(OperatorGraph graph, GraphNode node)
    {
        var found = new SortedSet<int>();
        var pending = new Stack<GraphNode>();
        pending.Push(node);
        while (pending.Count > 0)
        {
            foreach (string input in pending.Pop().Spec.AllInputs)
            {
                if (graph.TryGetTensor(input, out var tensor) && tensor.Kind == TensorKind.Weight
                    && tensor.Producer is int producer && found.Add(producer))
                {
                    pending.Push(graph.Nodes[producer]);
                }
            }
        }

        return found.Select(i => graph.Nodes[i].Key).ToEquatableArray();
    }
}
