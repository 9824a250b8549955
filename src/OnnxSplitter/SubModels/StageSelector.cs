using System.Globalization;
using PartitionCompiler.Partitioning.Collections;
using PartitionCompiler.Partitioning.Diagnostics;
using PartitionCompiler.Partitioning.Graph;
using PartitionCompiler.Partitioning.Plan;

namespace PartitionCompiler.OnnxSplitter.SubModels;

/// <summary>
/// Resolves one plan stage against the model: its node keys to nodes, its tensors to the model's tensors, and the
/// initializers and value_info it needs. Reports PC0400-PC0405 for anything that does not fit, so that a bad plan
/// gives diagnostics instead of a sub-model ONNX Runtime would refuse.
/// </summary>
internal sealed class StageSelector
{
    private readonly OperatorGraph _graph;
    private readonly OriginalModelIndex _index;
    private readonly PlanJsonLocator _locator;
    private readonly DiagnosticBag _diagnostics;
    private readonly bool _initializersAreInputs;

    public StageSelector(OperatorGraph graph, OriginalModelIndex index, bool initializersAreInputs, PlanJsonLocator locator, DiagnosticBag diagnostics)
    {
        _graph = graph;
        _index = index;
        _initializersAreInputs = initializersAreInputs;
        _locator = locator;
        _diagnostics = diagnostics;
    }

    /// <summary>The stage's contents, or null after reporting why the plan's stage does not fit the model.</summary>
    /// <param name="position">The stage's place in the plan's <c>stages</c> array (for JSON paths).</param>
    public StageContents? Select(PlanStage stage, int position, string relativePath)
    {
        int errors = _diagnostics.ErrorCount;
        string at = string.Create(CultureInfo.InvariantCulture, $"$.stages[{position}]");
        string label = stage.Index.ToString(CultureInfo.InvariantCulture);

        var nodes = new List<GraphNode>();
        var listedAt = new Dictionary<int, int>();
        for (int j = 0; j < stage.Nodes.Count; j++)
        {
            if (!_graph.TryGetNode(stage.Nodes[j], out var node))
            {
                Report(DiagnosticCatalog.PlanNodeUnknown, $"{at}.nodes[{j}]", label, stage.Nodes[j]);
            }
            else if (listedAt.TryAdd(node.Index, j))
            {
                nodes.Add(node);
            }
        }

        var produced = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in nodes)
        {
            foreach (string output in node.Spec.Outputs)
            {
                if (output.Length > 0)
                {
                    produced.Add(output);
                }
            }
        }

        var inputs = Tensors(stage.Inputs, $"{at}.inputs", label, isInput: true, produced);
        var outputs = Tensors(stage.Outputs, $"{at}.outputs", label, isInput: false, produced);
        // Every listed input counts as received, valid or not, so one bad entry gives one diagnostic.
        var inputNames = new HashSet<string>(stage.Inputs.Select(i => i.Name), StringComparer.Ordinal);

        var initializerNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in nodes)
        {
            foreach (string read in node.Spec.AllInputs)
            {
                if (produced.Contains(read) || inputNames.Contains(read))
                {
                    continue;
                }

                if (_graph.TryGetTensor(read, out var tensor) && tensor.Kind == TensorKind.Initializer)
                {
                    initializerNames.Add(read);
                    continue;
                }

                Report(DiagnosticCatalog.StageInputMissing, $"{at}.nodes[{listedAt[node.Index]}]", label, node.Key, read);
            }
        }

        if (_diagnostics.ErrorCount > errors)
        {
            return null;
        }

        var initializers = initializerNames.Where(_index.Initializers.ContainsKey).Select(n => _index.Initializers[n]).Order().ToList();
        var sparse = initializerNames.Where(n => !_index.Initializers.ContainsKey(n) && _index.SparseInitializers.ContainsKey(n))
            .Select(n => _index.SparseInitializers[n]).Order().ToList();
        var initializerInputs = _initializersAreInputs
            ? initializerNames.Where(_index.Inputs.ContainsKey).Select(n => _index.Inputs[n]).Order().ToList()
            : [];
        var outputNames = new HashSet<string>(outputs.Select(o => o.Name), StringComparer.Ordinal);
        var valueInfos = produced.Where(n => !outputNames.Contains(n) && _index.ValueInfos.ContainsKey(n))
            .Select(n => _index.ValueInfos[n]).Order().ToList();

        return new StageContents(stage.Index, stage.Device, relativePath, ExecutionOrder(nodes), inputs, outputs,
            initializers, sparse, initializerInputs, valueInfos);
    }

    /// <summary>
    /// Weight producers first, each after the weight producers it reads (depth-first from the lowest file index), then
    /// the positioned nodes by position: a topological order whatever order the plan lists them in.
    /// </summary>
    private static List<int> ExecutionOrder(List<GraphNode> nodes)
    {
        var weights = nodes.Where(n => n.IsWeight).OrderBy(n => n.Index).ToList();
        var producerOf = new Dictionary<string, GraphNode>(StringComparer.Ordinal);
        foreach (var weight in weights)
        {
            foreach (string output in weight.Spec.Outputs)
            {
                if (output.Length > 0)
                {
                    producerOf[output] = weight;
                }
            }
        }

        var order = new List<int>(nodes.Count);
        var state = new Dictionary<int, bool>(); // false: on the current path, true: emitted
        void Visit(GraphNode node)
        {
            if (state.ContainsKey(node.Index))
            {
                return; // emitted already, or a cycle, which GraphBuilder rules out
            }

            state[node.Index] = false;
            foreach (string read in node.Spec.AllInputs)
            {
                if (producerOf.TryGetValue(read, out var producer))
                {
                    Visit(producer);
                }
            }

            state[node.Index] = true;
            order.Add(node.Index);
        }

        foreach (var weight in weights)
        {
            Visit(weight);
        }

        order.AddRange(nodes.Where(n => !n.IsWeight).OrderBy(n => n.Position!.Value).Select(n => n.Index));
        return order;
    }

    private List<StageTensor> Tensors(EquatableArray<PlanTensor> tensors, string at, string label, bool isInput, HashSet<string> produced)
    {
        string role = isInput ? "input" : "output";
        var result = new List<StageTensor>(tensors.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int j = 0; j < tensors.Count; j++)
        {
            var tensor = tensors[j];
            string path = string.Create(CultureInfo.InvariantCulture, $"{at}[{j}].name");
            if (!seen.Add(tensor.Name))
            {
                Report(DiagnosticCatalog.PlanTensorUnknown, path, label, role, tensor.Name, $"the stage lists twice");
                continue;
            }

            if (!_graph.TryGetTensor(tensor.Name, out var known))
            {
                Report(DiagnosticCatalog.PlanTensorUnknown, path, label, role, tensor.Name, "the model does not have");
                continue;
            }

            if (known.Kind is TensorKind.Initializer or TensorKind.Weight)
            {
                Report(DiagnosticCatalog.PlanTensorUnknown, path, label, role, tensor.Name,
                    "is a weight of the model (weights travel inside the stages that read them, never between stages)");
                continue;
            }

            if (isInput && produced.Contains(tensor.Name))
            {
                Report(DiagnosticCatalog.PlanTensorUnknown, path, label, role, tensor.Name, "a node of the same stage produces");
                continue;
            }

            if (!isInput && !produced.Contains(tensor.Name))
            {
                Report(DiagnosticCatalog.StageOutputNotProduced, path, label, tensor.Name);
                continue;
            }

            bool typeKnown = ElementTypeInfo.TryParse(tensor.Type, out var type);
            if (!typeKnown || tensor.Shape.Any(d => d < 0))
            {
                string shape = "[" + string.Join(",", tensor.Shape.Select(d => d.ToString(CultureInfo.InvariantCulture))) + "]";
                string field = string.Create(CultureInfo.InvariantCulture, $"{at}[{j}].{(typeKnown ? "shape" : "type")}");
                Report(DiagnosticCatalog.StageTensorType, field, label, tensor.Name, tensor.Type, shape);
                continue;
            }

            result.Add(new StageTensor(tensor.Name, type, [.. tensor.Shape]));
        }

        return result;
    }

    private void Report(DiagnosticDescriptor descriptor, string jsonPath, params object?[] args) =>
        _diagnostics.Add(descriptor, _locator.Locate(jsonPath), args);
}
