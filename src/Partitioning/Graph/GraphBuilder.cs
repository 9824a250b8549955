using System.Collections.Immutable;
using PartitionCompiler.Partitioning.Collections;
using PartitionCompiler.Partitioning.Diagnostics;

namespace PartitionCompiler.Partitioning.Graph;

/// <summary>
/// Builds the <see cref="OperatorGraph"/> of a <see cref="ModelSpec"/>: finds weight producers, keys nodes, links tensors
/// to producers and consumers, and fixes the topological order of the positioned nodes (DESIGN.md section 3).
/// </summary>
/// <remarks>
/// The order is the file order when that is topological; otherwise Kahn's algorithm (A. B. Kahn, "Topological sorting
/// of large networks", CACM 5(11), 1962) that always takes the ready node with the smallest file index, so the result
/// does not depend on anything but the file.
/// </remarks>
public static class GraphBuilder
{
    /// <summary>Builds the graph, or returns null after reporting PC011x errors.</summary>
    public static OperatorGraph? Build(ModelSpec model, SourceLocation modelLocation, DiagnosticBag diagnostics)
    {
        var nodes = model.Nodes;
        var producers = new Dictionary<string, int>(StringComparer.Ordinal); // tensor -> node index, -1 input, -2 initializer
        var kinds = new Dictionary<string, TensorKind>(StringComparer.Ordinal);
        var tensorOrder = new List<string>();
        bool ok = true;

        void Define(string name, int producer, TensorKind kind)
        {
            if (producers.TryGetValue(name, out int existing))
            {
                diagnostics.Add(DiagnosticCatalog.DuplicateOutput, modelLocation, name, Describe(existing), Describe(producer));
                ok = false;
                return;
            }

            producers[name] = producer;
            kinds[name] = kind;
            tensorOrder.Add(name);
        }

        string Describe(int producer) => producer switch
        {
            -1 => "a graph input",
            -2 => "an initializer",
            _ => $"node '{DisplayName(nodes[producer])}'",
        };

        foreach (var input in model.Inputs)
        {
            Define(input.Name, -1, TensorKind.GraphInput);
        }

        foreach (var initializer in model.Initializers)
        {
            Define(initializer.Name, -2, TensorKind.Initializer);
        }

        var isWeight = WeightProducers.Find(model);

        for (int i = 0; i < nodes.Count; i++)
        {
            foreach (var output in nodes[i].Outputs)
            {
                if (output.Length > 0)
                {
                    Define(output, i, isWeight[i] ? TensorKind.Weight : TensorKind.Activation);
                }
            }
        }

        // Every read tensor needs a producer. Consumers are collected in ascending node order, each once.
        var consumers = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var buffer = new List<string>();
        for (int i = 0; i < nodes.Count; i++)
        {
            foreach (var input in InputsOf(nodes[i], buffer))
            {
                if (!producers.ContainsKey(input))
                {
                    diagnostics.Add(DiagnosticCatalog.DanglingInput, modelLocation, DisplayName(nodes[i]), input);
                    ok = false;
                    continue;
                }

                if (!consumers.TryGetValue(input, out var list))
                {
                    consumers[input] = list = [];
                }

                if (list.Count == 0 || list[^1] != i)
                {
                    list.Add(i);
                }
            }
        }

        var graphOutputs = new HashSet<string>(StringComparer.Ordinal);
        foreach (var output in model.Outputs)
        {
            graphOutputs.Add(output.Name);
            if (!producers.ContainsKey(output.Name))
            {
                diagnostics.Add(DiagnosticCatalog.UnproducedGraphOutput, modelLocation, output.Name);
                ok = false;
            }
        }

        if (!ok)
        {
            return null;
        }

        var (order, fileOrderWasTopological) = TopologicalOrder(nodes, isWeight, producers);
        int positioned = isWeight.Count(w => !w);
        if (order.Length < positioned)
        {
            var ordered = order.ToHashSet();
            var stuck = Enumerable.Range(0, nodes.Count).Where(i => !isWeight[i] && !ordered.Contains(i)).Take(8)
                .Select(i => $"'{DisplayName(nodes[i])}'");
            diagnostics.Add(DiagnosticCatalog.GraphCycle, modelLocation, string.Join(", ", stuck));
            return null;
        }

        if (positioned == 0)
        {
            diagnostics.Add(DiagnosticCatalog.EmptyGraph, modelLocation);
            return null;
        }

        var positions = new int?[nodes.Count];
        for (int p = 0; p < order.Length; p++)
        {
            positions[order[p]] = p;
        }

        var keys = NodeKeys(nodes);
        var graphNodes = nodes.Select((n, i) => new GraphNode(i, n, keys[i], positions[i])).ToImmutableArray();

        var declared = new Dictionary<string, TensorType>(StringComparer.Ordinal);
        foreach (var value in model.ValueInfos.Concat(model.Outputs).Concat(model.Inputs))
        {
            if (value.Type is not null)
            {
                declared[value.Name] = value.Type;
            }
        }

        foreach (var initializer in model.Initializers)
        {
            declared[initializer.Name] = initializer.Type;
        }

        var tensors = tensorOrder.Select(name =>
        {
            int producer = producers[name];
            return new GraphTensor(
                name,
                kinds[name],
                producer >= 0 ? producer : null,
                consumers.TryGetValue(name, out var list) ? list.ToEquatableArray() : EquatableArray<int>.Empty,
                graphOutputs.Contains(name),
                declared.GetValueOrDefault(name));
        }).ToImmutableArray();

        return new OperatorGraph(model, graphNodes, order, tensors, fileOrderWasTopological);
    }

    /// <summary>
    /// A weight producer computes a weight from weights alone: <c>Constant</c> always; any other deterministic operator of
    /// the default domain without subgraphs (<c>ConstantOfShape</c>, <c>Identity</c>, <c>Unsqueeze</c>, <c>Reshape</c>...)
    /// when it reads at least one tensor and every tensor it reads is a weight (an initializer or another weight
    /// producer's output). ONNX Runtime folds such nodes when it loads the model; they travel with their consumers and
    /// never make a cut.
    /// </summary>
    public static bool IsWeightProducer(NodeSpec node, Func<string, bool> isWeightTensor) =>
        WeightProducers.IsProducer(node, isWeightTensor);

    private static (ImmutableArray<int> Order, bool FileOrderWasTopological) TopologicalOrder(
        EquatableArray<NodeSpec> nodes, bool[] isWeight, Dictionary<string, int> producers)
    {
        // The common case first, without building anything: every positioned node reads only tensors made earlier in
        // the file (or inputs, initializers and weights, which are always available).
        var buffer = new List<string>();
        bool topological = true;
        for (int i = 0; i < nodes.Count && topological; i++)
        {
            if (isWeight[i])
            {
                continue;
            }

            foreach (var input in InputsOf(nodes[i], buffer))
            {
                int producer = producers[input];
                if (producer >= i && !isWeight[producer])
                {
                    topological = false;
                    break;
                }
            }
        }

        if (topological)
        {
            return (Enumerable.Range(0, nodes.Count).Where(i => !isWeight[i]).ToImmutableArray(), true);
        }

        // Dependencies between positioned nodes only.
        var dependencies = new List<int>[nodes.Count];
        for (int i = 0; i < nodes.Count; i++)
        {
            dependencies[i] = [];
            if (isWeight[i])
            {
                continue;
            }

            foreach (var input in InputsOf(nodes[i], buffer))
            {
                int producer = producers[input];
                if (producer >= 0 && !isWeight[producer] && !dependencies[i].Contains(producer))
                {
                    dependencies[i].Add(producer);
                }
            }
        }

        var indegree = new int[nodes.Count];
        var dependents = new List<int>[nodes.Count];
        for (int i = 0; i < nodes.Count; i++)
        {
            dependents[i] = [];
        }

        for (int i = 0; i < nodes.Count; i++)
        {
            indegree[i] = dependencies[i].Count;
            foreach (int d in dependencies[i])
            {
                dependents[d].Add(i);
            }
        }

        var ready = new PriorityQueue<int, int>();
        for (int i = 0; i < nodes.Count; i++)
        {
            if (!isWeight[i] && indegree[i] == 0)
            {
                ready.Enqueue(i, i);
            }
        }

        var order = ImmutableArray.CreateBuilder<int>();
        while (ready.TryDequeue(out int node, out _))
        {
            order.Add(node);
            foreach (int next in dependents[node])
            {
                if (--indegree[next] == 0)
                {
                    ready.Enqueue(next, next);
                }
            }
        }

        return (order.ToImmutable(), false);
    }

    /// <summary>The tensors a node reads (<see cref="NodeSpec.AllInputs"/>), gathered into a reused buffer.</summary>
    internal static List<string> InputsOf(NodeSpec node, List<string> buffer)
    {
        buffer.Clear();
        foreach (var input in node.Inputs)
        {
            if (input.Length > 0)
            {
                buffer.Add(input);
            }
        }

        foreach (var input in node.OuterScopeInputs)
        {
            buffer.Add(input);
        }

        return buffer;
    }

    /// <summary>
    /// Node keys: the name when it is non-empty and unique, else <c>@</c> + the first output name. A name that spells
    /// another node's <c>@</c> key gives way to that node too; should two keys still meet (names crafted to collide),
    /// the later ones get <c>#</c> + their file index, so keys are always unique.
    /// </summary>
    private static string[] NodeKeys(EquatableArray<NodeSpec> nodes)
    {
        var nameCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var node in nodes)
        {
            if (node.Name.Length > 0)
            {
                nameCounts[node.Name] = nameCounts.GetValueOrDefault(node.Name) + 1;
            }
        }

        static string OutputKey(NodeSpec node) => "@" + (node.Outputs.FirstOrDefault(o => o.Length > 0) ?? $"node{node.FileIndex}");

        var outputKeys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in nodes)
        {
            if (node.Name.Length == 0 || nameCounts[node.Name] > 1)
            {
                outputKeys.Add(OutputKey(node));
            }
        }

        var keys = new string[nodes.Count];
        var used = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < nodes.Count; i++)
        {
            var node = nodes[i];
            string key = node.Name.Length > 0 && nameCounts[node.Name] == 1 && !outputKeys.Contains(node.Name)
                ? node.Name
                : OutputKey(node);
            keys[i] = used.Add(key) ? key : $"{key}#{node.FileIndex}";
            used.Add(keys[i]);
        }

        return keys;
    }

    private static string DisplayName(NodeSpec node) =>
        node.Name.Length > 0 ? node.Name : $"#{node.FileIndex} {node.OpType}";
}
