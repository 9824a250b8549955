using PartitionCompiler.OnnxSplitter.Proto;

namespace PartitionCompiler.OnnxSplitter.SubModels;

/// <summary>Lookups into the original model's graph message that every stage needs, built once per model.</summary>
internal sealed class OriginalModelIndex
{
    public OriginalModelIndex(GraphProto graph)
    {
        Initializers = FirstIndex(graph.Initializer.Select(i => i.Name));
        SparseInitializers = FirstIndex(graph.SparseInitializer.Select(s => s.Values?.Name ?? ""));
        Inputs = FirstIndex(graph.Input.Select(i => i.Name));
        ValueInfos = FirstIndex(graph.ValueInfo.Select(v => v.Name));
    }

    /// <summary>Dense initializer index by name.</summary>
    public IReadOnlyDictionary<string, int> Initializers { get; }

    /// <summary>Sparse initializer index by its values' name.</summary>
    public IReadOnlyDictionary<string, int> SparseInitializers { get; }

    /// <summary>Graph input index by name (for IR &lt; 4 these include the initializers).</summary>
    public IReadOnlyDictionary<string, int> Inputs { get; }

    /// <summary>value_info index by name (the first entry when a name repeats).</summary>
    public IReadOnlyDictionary<string, int> ValueInfos { get; }

    private static Dictionary<string, int> FirstIndex(IEnumerable<string> names)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        int i = 0;
        foreach (string name in names)
        {
            if (name.Length > 0)
            {
                index.TryAdd(name, i);
            }

            i++;
        }

        return index;
    }
}
