using PartitionCompiler.Partitioning.Collections;

namespace PartitionCompiler.Partitioning.Graph;

/// <summary>
/// A model as the pure core sees it: what the ONNX edge read from the file, with no protobuf objects inside.
/// </summary>
/// <param name="Inputs">The real graph inputs (for IR &lt; 4 models, initializers listed as inputs are removed).</param>
/// <param name="Nodes">The main graph's nodes in file order.</param>
/// <param name="ValueInfos">Shapes the file already records for intermediate tensors.</param>
public sealed record ModelSpec(
    string GraphName,
    long IrVersion,
    EquatableArray<OpsetImport> Opsets,
    string ProducerName,
    EquatableArray<NodeSpec> Nodes,
    EquatableArray<ValueSpec> Inputs,
    EquatableArray<ValueSpec> Outputs,
    EquatableArray<InitializerSpec> Initializers,
    EquatableArray<ValueSpec> ValueInfos)
{
    /// <summary>The opset version of the default ONNX domain (<c>""</c> or <c>ai.onnx</c>), or 0 when not imported.</summary>
    public long DefaultOpset =>
        Opsets.FirstOrDefault(o => o.Domain.Length == 0 || o.Domain == "ai.onnx")?.Version ?? 0;
}
