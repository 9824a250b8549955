namespace PartitionCompiler.Partitioning.Graph;

/// <summary>
/// Finds the weight producers of a model: nodes that compute a weight from weights alone (see
/// <see cref="GraphBuilder.IsWeightProducer"/>). They get no position and their outputs are <see cref="TensorKind.Weight"/>s.
/// </summary>
internal static class WeightProducers
{
    /// <summary>True when the node is a weight producer, given which tensors are weights.</summary>
    public static bool IsProducer(NodeSpec node, Func<string, bool> isWeightTensor)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(isWeightTensor);
        if ((node.Domain.Length != 0 && node.Domain != "ai.onnx") || node.HasSubgraphs || NonDeterministicOps.Contains(node.OpType))
        {
            return false;
        }

        if (node.OpType == "Constant")
        {
            return true;
        }

        bool any = false;
        foreach (var input in node.Inputs)
        {
            if (input.Length > 0)
            {
                if (!isWeightTensor(input))
                {
                    return false;
                }

                any = true;
            }
        }

        foreach (var input in node.OuterScopeInputs)
        {
            if (!isWeightTensor(input))
            {
                return false;
            }

            any = true;
        }

        return any;
    }

    /// <summary>Operators whose output is not a function of their inputs: never folded into weights.</summary>
    private static readonly HashSet<string> NonDeterministicOps = new(StringComparer.Ordinal)
    {
        "RandomNormal", "RandomNormalLike", "RandomUniform", "RandomUniformLike", "Multinomial", "Bernoulli", "Dropout",
    };

    /// <summary>
    /// Marks the weight producers: starting from the initializers, a node whose inputs are all weights becomes one and
    /// makes its outputs weights, which may turn its consumers into weight producers too (a worklist, so a weight chain
    /// listed out of file order is found, in time linear in the graph's size).
    /// </summary>
    public static bool[] Find(ModelSpec model)
    {
        var nodes = model.Nodes;
        var weights = new HashSet<string>(model.Initializers.Select(i => i.Name), StringComparer.Ordinal);

        var readers = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var buffer = new List<string>();
        for (int i = 0; i < nodes.Count; i++)
        {
            foreach (var input in GraphBuilder.InputsOf(nodes[i], buffer))
            {
                if (!readers.TryGetValue(input, out var list))
                {
                    readers[input] = list = [];
                }

                list.Add(i);
            }
        }

        var isWeight = new bool[nodes.Count];
        Func<string, bool> isWeightTensor = weights.Contains;
        var pending = new Queue<int>(Enumerable.Range(0, nodes.Count));
        while (pending.TryDequeue(out int i))
        {
            if (isWeight[i] || !IsProducer(nodes[i], isWeightTensor))
            {
                continue;
            }

            isWeight[i] = true;
            foreach (var output in nodes[i].Outputs)
            {
                if (output.Length > 0 && weights.Add(output) && readers.TryGetValue(output, out var list))
                {
                    foreach (int reader in list)
                    {
                        pending.Enqueue(reader);
                    }
                }
            }
        }

        return isWeight;
    }
}
