using PartitionCompiler.OnnxSplitter.Reading;
using PartitionCompiler.Partitioning.Costs;
using PartitionCompiler.Partitioning.Graph;
using PartitionCompiler.Partitioning.Shapes;

namespace PartitionCompiler.Cli;

/// <summary>A model read, built into a graph, typed and costed: what <c>inspect</c> prints and <c>plan</c> solves.</summary>
/// <param name="OrtShapeFallback">Tensors whose types came from ONNX Runtime because static inference left them undecided.</param>
internal sealed record AnalyzedModel(
    OnnxModel Model,
    OperatorGraph Graph,
    InferredTypes Types,
    GraphCosts Costs,
    IReadOnlyList<string> OrtShapeFallback);
