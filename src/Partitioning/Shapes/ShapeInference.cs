using PartitionCompiler.Partitioning.Diagnostics;
using PartitionCompiler.Partitioning.Graph;
using PartitionCompiler.Partitioning.Manifest;

namespace PartitionCompiler.Partitioning.Shapes;

/// <summary>
/// Static shape and type inference over the operator graph (DESIGN.md section 3): graph inputs are pinned, then every
/// node's rule (<see cref="ShapeRules"/>, one per operator family) decides its outputs' types, folding small values
/// (Shape, Constant, Gather, Concat...) so that computed Reshape targets resolve. Symbolic dims propagate.
/// </summary>
/// <remarks>
/// Order: weight producers first (dependency order), then the positioned nodes in the graph's topological order, so
/// every node sees its inputs decided. One pass, O(nodes + edges) dictionary work plus each rule's own cost (linear in
/// the ranks and in the size of the small folded values).
/// <para>Where a rule cannot decide (If/Loop/Scan, other domains, unknown ops, data-dependent sizes such as NonZero, shape
/// arguments that did not fold) the output is listed in <see cref="InferredTypes.Undecided"/>, and so is any output of a
/// node that reads an undecided tensor unless its shape still came out fully known. The model's own value_info fills
/// dims a rule left anonymous. <c>knownTypes</c> (ONNX Runtime's answer for such tensors) win over both.</para>
/// <para>Inconsistent inputs (channel or broadcast mismatches, bad axes) are errors (PC0125, PC0126): ONNX Runtime would
/// reject such a model, so there is nothing to partition; the node's outputs stay undecided.</para>
/// </remarks>
public static class ShapeInference
{
    /// <summary>Infers the type of every tensor.</summary>
    /// <param name="pins">Graph input shapes; a symbolic dim 0 of an unpinned input defaults to 1.</param>
    /// <param name="knownTypes">Types decided elsewhere (ONNX Runtime); they win over inference.</param>
    /// <param name="modelLocation">The model file, for node diagnostics.</param>
    public static InferredTypes Infer(
        OperatorGraph graph,
        IReadOnlyList<InputPin> pins,
        DiagnosticBag diagnostics,
        IReadOnlyDictionary<string, TensorType>? knownTypes = null,
        SourceLocation? modelLocation = null)
    {
        var state = new ShapeState();
        foreach (var initializer in graph.Model.Initializers)
        {
            state.Types[initializer.Name] = initializer.Type;
            if (initializer.Value is { } tensor && ConstantValue.FromTensor(tensor) is { } value)
            {
                state.Values[initializer.Name] = value;
            }
        }

        InputPinning.Apply(graph.Model, pins, state, diagnostics, modelLocation);
        long opset = graph.Model.DefaultOpset;
        foreach (int index in EvaluationOrder(graph))
        {
            InferNode(graph, graph.Nodes[index], opset, state, diagnostics, knownTypes, modelLocation);
        }

        var undecided = new List<string>();
        foreach (var tensor in graph.Tensors)
        {
            if (tensor.Producer is not null && (state.Undecided.Contains(tensor.Name) || state.TypeOf(tensor.Name)?.Shape is null))
            {
                undecided.Add(tensor.Name);
            }
        }

        return new InferredTypes(state.Types, state.Values, undecided);
    }

    /// <summary>
    /// The planning check: every graph input dim is pinned (else PC0123 naming the first symbolic one) and every
    /// activation and weight has a known size (else PC0124). Returns false after reporting.
    /// </summary>
    public static bool RequireStaticShapes(OperatorGraph graph, InferredTypes types, DiagnosticBag diagnostics, SourceLocation? modelLocation = null)
    {
        foreach (var input in graph.Model.Inputs)
        {
            if (types.TypeOf(input.Name)?.Shape is not { } shape)
            {
                continue;
            }

            for (int i = 0; i < shape.Rank; i++)
            {
                if (!shape[i].IsKnown)
                {
                    string symbol = shape[i].Symbol is { } s ? $"('{s}')" : "(unnamed)";
                    string example = string.Join("x", shape.Dims.Select((d, j) => d.Value?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? $"<{d.Symbol ?? "dim" + j.ToString(System.Globalization.CultureInfo.InvariantCulture)}>"));
                    diagnostics.Add(DiagnosticCatalog.UnpinnedDim, modelLocation, input.Name, i, symbol, example);
                    return false;
                }
            }
        }

        var unknown = new List<GraphTensor>();
        foreach (var tensor in graph.Tensors)
        {
            if (tensor.Kind != TensorKind.Initializer && (tensor.Consumers.Count > 0 || tensor.IsGraphOutput) && types.BytesOf(tensor.Name) is null)
            {
                unknown.Add(tensor);
            }
        }

        if (unknown.Count == 0)
        {
            return true;
        }

        var first = unknown[0];
        string origin = first.Producer is int producer
            ? $"output of node '{graph.Nodes[producer].Key}' ({graph.Nodes[producer].OpType})"
            : "graph input";
        string more = unknown.Count == 1 ? ""
            : $" (and {unknown.Count - 1} more: {string.Join(", ", unknown.Skip(1).Take(5).Select(t => $"'{t.Name}'"))}{(unknown.Count > 6 ? ", ..." : "")})";
        diagnostics.Add(DiagnosticCatalog.UnknownTensorSize, modelLocation, first.Name, origin, more);
        return false;
    }

    /// <summary>Weight producers in dependency order, then the positioned nodes in topological order.</summary>
    internal static List<int> EvaluationOrder(OperatorGraph graph)
    {
        var order = new List<int>(graph.Nodes.Length);
        var visited = new bool[graph.Nodes.Length];
        void Visit(int index)
        {
            visited[index] = true;
            foreach (var input in graph.Nodes[index].Spec.AllInputs)
            {
                if (graph.TryGetTensor(input, out var tensor) && tensor.Producer is int producer && !visited[producer] && graph.Nodes[producer].IsWeight)
                {
                    Visit(producer);
                }
            }

            order.Add(index);
        }

        foreach (var node in graph.Nodes)
        {
            if (node.IsWeight && !visited[node.Index])
            {
                Visit(node.Index);
            }
        }

        order.AddRange(graph.Order);
        return order;
    }

    private static void InferNode(
        OperatorGraph graph,
        GraphNode node,
        long opset,
        ShapeState state,
        DiagnosticBag diagnostics,
        IReadOnlyDictionary<string, TensorType>? knownTypes,
        SourceLocation? modelLocation)
    {
        var spec = node.Spec;
        bool tainted = false;
        foreach (var input in spec.AllInputs)
        {
            tainted |= state.Undecided.Contains(input);
        }

        var context = new ShapeContext(node, opset, state, diagnostics, modelLocation);
        var rule = spec.HasSubgraphs ? null : ShapeRules.Find(spec.Domain, spec.OpType);
        if (rule is not null)
        {
            try
            {
                rule.Infer(context);
            }
            catch (OverflowException)
            {
                context.Mismatch("a dim computed from its inputs overflows 64 bits");
            }

            CheckOutputSizes(context);
        }

        bool doubtful = rule is null || tainted || context.Failed || context.DataDependent;
        for (int i = 0; i < spec.Outputs.Count; i++)
        {
            string name = spec.Outputs[i];
            if (name.Length == 0)
            {
                continue;
            }

            var type = context.Failed ? null : context.OutputTypes[i];
            var value = context.Failed ? null : context.OutputValues[i];
            bool decided;
            if (knownTypes is not null && knownTypes.TryGetValue(name, out var known))
            {
                if (value is not null && (known.Shape is null || !known.Shape.Equals(value.Type.Shape)))
                {
                    value = null;
                }

                type = known;
                decided = true;
            }
            else
            {
                type = WithDeclared(type, graph.TryGetTensor(name, out var tensor) ? tensor.DeclaredType : null);
                decided = type?.Shape is { } shape && (!doubtful || shape.IsFullyKnown);
            }

            if (type is not null)
            {
                state.Types[name] = type;
            }

            if (value is not null && ConstantValue.IsSmall(value.Count))
            {
                state.Values[name] = value;
            }

            if (!decided)
            {
                state.Undecided.Add(name);
            }
        }
    }

    /// <summary>Rejects outputs with a negative dim or more elements than 64 bits count (absurd attributes or pins).</summary>
    private static void CheckOutputSizes(ShapeContext context)
    {
        for (int i = 0; i < context.OutputTypes.Length && !context.Failed; i++)
        {
            if (context.OutputTypes[i]?.Shape is not { } shape)
            {
                continue;
            }

            if (shape.Dims.Any(d => d.Value < 0))
            {
                context.Mismatch($"output {i} would have the negative shape {shape}");
            }
            else if (shape.IsFullyKnown && DimMath.ElementCount(shape) is null)
            {
                context.Mismatch($"output {i} would have shape {shape}, more elements than 64 bits count");
            }
        }
    }

    /// <summary>The inferred type with anonymous unknown dims filled from the model's declared type (value_info).</summary>
    private static TensorType? WithDeclared(TensorType? inferred, TensorType? declared)
    {
        if (declared is null)
        {
            return inferred;
        }

        if (inferred is null)
        {
            return declared;
        }

        if (inferred.Shape is null)
        {
            return declared.ElementType == inferred.ElementType ? declared : inferred;
        }

        if (declared.Shape is not { } d || d.Rank != inferred.Shape.Rank || inferred.Shape.IsFullyKnown)
        {
            return inferred;
        }

        var dims = inferred.Shape.Dims.Select((dim, i) => !dim.IsKnown && dim.Symbol is null ? d[i] : dim);
        return new TensorType(inferred.ElementType, DimMath.Shape(dims));
    }
}
