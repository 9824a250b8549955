using PartitionCompiler.OnnxSplitter.Probing;
using PartitionCompiler.OnnxSplitter.Reading;
using PartitionCompiler.Partitioning.Costs;
using PartitionCompiler.Partitioning.Diagnostics;
using PartitionCompiler.Partitioning.Graph;
using PartitionCompiler.Partitioning.Manifest;
using PartitionCompiler.Partitioning.Shapes;

namespace PartitionCompiler.Cli;

/// <summary>
/// The map of the product, top to bottom: Model -> Graph -> Costs -> Solver -> Plan -> Emit. Each step reports
/// problems as diagnostics and returns null when the next step cannot run; commands chain the steps they need.
/// </summary>
internal static class Pipeline
{
    /// <summary>Model -> Graph -> types -> Costs: everything <c>inspect</c> shows.</summary>
    public static AnalyzedModel? Analyze(string modelPath, IReadOnlyList<InputPin> pins, DiagnosticBag diagnostics)
    {
        // Model: the file, its external data checked, as the pure ModelSpec.
        var model = OnnxModelReader.Read(modelPath, diagnostics);
        if (model is null)
        {
            return null;
        }

        // Graph: weight producers, positions (topological order), tensors with producers and consumers.
        var graph = GraphBuilder.Build(model.Spec, model.Location, diagnostics);
        if (graph is null)
        {
            return null;
        }

        // Types: static inference; ONNX Runtime decides what it cannot.
        var (types, fallback) = InferTypes(model, graph, pins, diagnostics);
        if (diagnostics.HasErrors)
        {
            return null;
        }

        // Costs: FLOPs, parameter and output bytes per node, the tensors crossing every cut.
        var costs = CostModel.Compute(graph, types);
        return new AnalyzedModel(model, graph, types, costs, fallback);
    }

    /// <summary>
    /// Static shape inference; where it leaves tensors undecided, one ONNX Runtime run on zeros decides them and
    /// inference runs again with those types (DESIGN.md section 3: ask ONNX Runtime once rather than guess).
    /// </summary>
    public static (InferredTypes Types, IReadOnlyList<string> OrtShapeFallback) InferTypes(
        OnnxModel model, OperatorGraph graph, IReadOnlyList<InputPin> pins, DiagnosticBag diagnostics)
    {
        var first = new DiagnosticBag();
        var types = ShapeInference.Infer(graph, pins, first, null, model.Location);
        if (types.Undecided.Count == 0 || first.HasErrors)
        {
            diagnostics.AddRange(first.Items);
            return (types, []);
        }

        var known = OrtShapeProbe.Probe(model, types.Undecided, pins, diagnostics);
        if (known is null || known.Count == 0)
        {
            diagnostics.AddRange(first.Items);
            return (types, []);
        }

        var second = new DiagnosticBag();
        var decided = ShapeInference.Infer(graph, pins, second, known, model.Location);
        diagnostics.AddRange(second.Items);
        return (decided, types.Undecided.Where(known.ContainsKey).ToList());
    }
}
