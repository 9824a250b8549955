using PartitionCompiler.OnnxSplitter.Proto;

namespace PartitionCompiler.OnnxSplitter.Reading;

/// <summary>
/// Finds the tensors a node's subgraphs (<c>If</c> branches, <c>Loop</c> and <c>Scan</c> bodies, at any depth) read from
/// the enclosing scopes: names read inside that the subgraph does not define itself (as an input, an initializer or a
/// node output).
/// </summary>
internal static class OuterScope
{
    /// <summary>True when the node has graph-valued attributes.</summary>
    public static bool HasSubgraphs(NodeProto node) => node.Attribute.Any(a => a.G is not null || a.Graphs.Count > 0);

    /// <summary>Names the node's subgraphs read from outside themselves, in the order they are first read.</summary>
    public static List<string> ReadsOf(NodeProto node)
    {
        var reads = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var graph in Subgraphs(node))
        {
            foreach (string name in FreeNames(graph))
            {
                if (seen.Add(name))
                {
                    reads.Add(name);
                }
            }
        }

        return reads;
    }

    private static IEnumerable<GraphProto> Subgraphs(NodeProto node)
    {
        foreach (var attribute in node.Attribute)
        {
            if (attribute.G is not null)
            {
                yield return attribute.G;
            }

            foreach (var graph in attribute.Graphs)
            {
                yield return graph;
            }
        }
    }

    /// <summary>The names a graph reads (its nodes' inputs and its nested subgraphs' outer reads, and its outputs) that it does not define.</summary>
    private static List<string> FreeNames(GraphProto graph)
    {
        var defined = new HashSet<string>(StringComparer.Ordinal);
        foreach (var input in graph.Input)
        {
            defined.Add(input.Name);
        }

        foreach (var initializer in graph.Initializer)
        {
            defined.Add(initializer.Name);
        }

        foreach (var sparse in graph.SparseInitializer)
        {
            if (sparse.Values is not null)
            {
                defined.Add(sparse.Values.Name);
            }
        }

        foreach (var node in graph.Node)
        {
            foreach (string output in node.Output)
            {
                defined.Add(output);
            }
        }

        var free = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        void Read(string name)
        {
            if (name.Length > 0 && !defined.Contains(name) && seen.Add(name))
            {
                free.Add(name);
            }
        }

        foreach (var node in graph.Node)
        {
            foreach (string input in node.Input)
            {
                Read(input);
            }

            foreach (var nested in Subgraphs(node))
            {
                foreach (string name in FreeNames(nested))
                {
                    Read(name);
                }
            }
        }

        // A subgraph may return an outer tensor directly as one of its outputs.
        foreach (var output in graph.Output)
        {
            Read(output.Name);
        }

        return free;
    }
}
