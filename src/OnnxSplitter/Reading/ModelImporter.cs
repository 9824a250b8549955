using PartitionCompiler.OnnxSplitter.Proto;
using PartitionCompiler.Partitioning.Collections;
using PartitionCompiler.Partitioning.Diagnostics;
using PartitionCompiler.Partitioning.Graph;

namespace PartitionCompiler.OnnxSplitter.Reading;

/// <summary>
/// Converts a parsed <see cref="ModelProto"/> into the pure <see cref="ModelSpec"/>: nodes in file order with their
/// attributes and outer-scope reads, the real graph inputs (initializers listed as inputs, as IR &lt; 4 requires, are
/// initializers), outputs, initializers with sizes and small values, and recorded value_info.
/// </summary>
internal static class ModelImporter
{
    /// <summary>The model spec, or null after reporting PC0106-PC0109 for its tensors.</summary>
    public static ModelSpec? Import(ModelProto model, TensorImporter tensors, DiagnosticBag diagnostics)
    {
        int errorsBefore = diagnostics.ErrorCount;
        var graph = model.Graph;

        var initializers = new List<InitializerSpec>(graph.Initializer.Count + graph.SparseInitializer.Count);
        foreach (var initializer in graph.Initializer)
        {
            if (tensors.Import(initializer, $"initializer '{initializer.Name}'") is { } imported)
            {
                initializers.Add(new InitializerSpec(initializer.Name, imported.Type, imported.Dims, imported.ByteSize, imported.Values, imported.IsExternal));
            }
        }

        foreach (var sparse in graph.SparseInitializer)
        {
            if (ImportSparse(sparse, tensors) is { } spec)
            {
                initializers.Add(spec);
            }
        }

        var initializerNames = new HashSet<string>(initializers.Select(i => i.Name), StringComparer.Ordinal);

        // Every name the main graph defines: outer-scope reads of subgraphs are kept only when they resolve here.
        var mainDefined = new HashSet<string>(initializerNames, StringComparer.Ordinal);
        foreach (var input in graph.Input)
        {
            mainDefined.Add(input.Name);
        }

        foreach (var node in graph.Node)
        {
            foreach (string output in node.Output)
            {
                mainDefined.Add(output);
            }
        }

        var nodes = new NodeSpec[graph.Node.Count];
        for (int i = 0; i < nodes.Length; i++)
        {
            nodes[i] = ImportNode(graph.Node[i], i, tensors, mainDefined);
        }

        if (diagnostics.ErrorCount > errorsBefore)
        {
            return null;
        }

        return new ModelSpec(
            graph.Name,
            model.IrVersion,
            model.OpsetImport.Select(o => new OpsetImport(o.Domain, o.Version)).ToEquatableArray(),
            model.ProducerName,
            nodes,
            graph.Input.Where(i => !initializerNames.Contains(i.Name)).Select(TypeImporter.ImportValue).ToEquatableArray(),
            graph.Output.Select(TypeImporter.ImportValue).ToEquatableArray(),
            initializers.ToEquatableArray(),
            graph.ValueInfo.Select(TypeImporter.ImportValue).ToEquatableArray());
    }

    private static NodeSpec ImportNode(NodeProto node, int index, TensorImporter tensors, HashSet<string> mainDefined)
    {
        string label = node.Name.Length > 0 ? $"node '{node.Name}'" : $"node #{index} ({node.OpType})";
        var attributes = new List<AttributeValue>(node.Attribute.Count);
        foreach (var attribute in node.Attribute)
        {
            if (AttributeImporter.Import(attribute, label, tensors) is { } value)
            {
                attributes.Add(value);
            }
        }

        bool hasSubgraphs = OuterScope.HasSubgraphs(node);
        var outer = hasSubgraphs
            ? OuterScope.ReadsOf(node).Where(mainDefined.Contains).ToEquatableArray()
            : EquatableArray<string>.Empty;

        return new NodeSpec(
            index,
            node.Name,
            node.OpType,
            node.Domain,
            node.Input.ToEquatableArray(),
            node.Output.ToEquatableArray(),
            attributes.ToEquatableArray(),
            outer,
            hasSubgraphs);
    }

    private static InitializerSpec? ImportSparse(SparseTensorProto sparse, TensorImporter tensors)
    {
        string name = sparse.Values?.Name ?? "";
        if (sparse.Values is null || sparse.Indices is null)
        {
            tensors.Invalid($"sparse initializer '{name}'", "it needs both values and indices");
            return null;
        }

        var values = tensors.Import(sparse.Values, $"sparse initializer '{name}' (values)");
        var indices = tensors.Import(sparse.Indices, $"sparse initializer '{name}' (indices)");
        if (values is null || indices is null)
        {
            return null;
        }

        return new InitializerSpec(name, values.Type, sparse.Dims.ToEquatableArray(), values.ByteSize + indices.ByteSize, null,
            values.IsExternal || indices.IsExternal);
    }
}
