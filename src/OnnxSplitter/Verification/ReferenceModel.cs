using Google.Protobuf;
using PartitionCompiler.OnnxSplitter.Proto;

namespace PartitionCompiler.OnnxSplitter.Verification;

/// <summary>
/// The original model with extra graph outputs: every tensor the proof compares becomes an output, so one run of the
/// original yields the reference value of each. The copy shares the original's nodes, initializers and value_info
/// (nothing is cloned); only the graph and model envelopes are new.
/// </summary>
internal static class ReferenceModel
{
    /// <summary>The serialized model exposing <paramref name="tensors"/> (names already among the outputs are not repeated).</summary>
    public static byte[] Expose(ModelProto original, IEnumerable<string> tensors)
    {
        var source = original.Graph;
        var graph = new GraphProto { Name = source.Name };
        graph.Node.Add(source.Node);
        graph.Initializer.Add(source.Initializer);
        graph.SparseInitializer.Add(source.SparseInitializer);
        graph.Input.Add(source.Input);
        graph.Output.Add(source.Output);
        graph.ValueInfo.Add(source.ValueInfo);
        var outputs = new HashSet<string>(source.Output.Select(o => o.Name), StringComparer.Ordinal);
        var types = source.ValueInfo.GroupBy(v => v.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (string name in tensors)
        {
            if (outputs.Add(name))
            {
                // A type where the file records one; ONNX Runtime infers the rest.
                graph.Output.Add(types.TryGetValue(name, out var known) ? known : new ValueInfoProto { Name = name });
            }
        }

        var model = new ModelProto { IrVersion = original.IrVersion, Graph = graph };
        model.OpsetImport.Add(original.OpsetImport);
        model.Functions.Add(original.Functions);
        return model.ToByteArray();
    }
}
