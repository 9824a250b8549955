namespace PartitionCompiler.Partitioning.Diagnostics;

// PC01xx: the model, its graph and its dims. PC0100-PC0109 reading the file (ONNX edge), PC0110-PC0119 graph
// structure, PC0120-PC0149 shapes and dims. Keep codes in order; never reuse a retired code.
public static partial class DiagnosticCatalog
{
    /// <summary>PC0100: <c>cannot read model file '{0}': {1}...</c></summary>
    public static readonly DiagnosticDescriptor ModelFileUnreadable = new(
        "PC0100", DiagnosticSeverity.Error, "Model file cannot be read",
        "cannot read model file '{0}': {1}; check the path (relative paths start at the current folder) and the file's permissions");

    /// <summary>PC0101: <c>model file '{0}' is empty...</c></summary>
    public static readonly DiagnosticDescriptor ModelFileEmpty = new(
        "PC0101", DiagnosticSeverity.Error, "Model file is empty",
        "model file '{0}' is empty (0 bytes); export the model again or copy the complete file");

    /// <summary>PC0102: <c>model file '{0}' is truncated...</c></summary>
    public static readonly DiagnosticDescriptor ModelFileTruncated = new(
        "PC0102", DiagnosticSeverity.Error, "Model file is truncated",
        "model file '{0}' is truncated: {1}; the file ends at byte {2}. Copy or download the complete file again");

    /// <summary>PC0103: <c>'{0}' is not an ONNX model: {1}...</c></summary>
    public static readonly DiagnosticDescriptor NotAnOnnxModel = new(
        "PC0103", DiagnosticSeverity.Error, "Not an ONNX model",
        "'{0}' is not an ONNX model: {1}; pass an .onnx file (a serialized onnx.ModelProto)");

    /// <summary>PC0104: <c>the model's IR version is {0}...</c></summary>
    public static readonly DiagnosticDescriptor UnsupportedIrVersion = new(
        "PC0104", DiagnosticSeverity.Error, "Unsupported ONNX IR version",
        "the model's IR version is {0}, but PartitionCompiler reads IR versions {1} to {2}; convert the model to a supported IR version (for example with onnx.version_converter or a newer exporter)");

    /// <summary>PC0105: <c>the model has no graph...</c></summary>
    public static readonly DiagnosticDescriptor ModelWithoutGraph = new(
        "PC0105", DiagnosticSeverity.Error, "Model has no graph",
        "the model has no graph (ModelProto.graph is missing); export the model again with its graph");

    /// <summary>PC0106: <c>tensor '{0}' keeps its data in external file '{1}', which does not exist...</c></summary>
    public static readonly DiagnosticDescriptor ExternalDataMissing = new(
        "PC0106", DiagnosticSeverity.Error, "External data file missing",
        "tensor '{0}' keeps its data in external file '{1}', which does not exist in the model's folder; copy the data file next to the model");

    /// <summary>PC0107: <c>tensor '{0}' names external data file '{1}', which lies outside the model's folder...</c></summary>
    public static readonly DiagnosticDescriptor ExternalDataOutsideFolder = new(
        "PC0107", DiagnosticSeverity.Error, "External data outside the model's folder",
        "tensor '{0}' names external data file '{1}', which lies outside the model's folder ({2}); external data must be a relative path inside the model's folder: move the file next to the model and fix its 'location'");

    /// <summary>PC0108: <c>tensor '{0}' reads bytes {1} to {2} of external file '{3}', which has {4} bytes...</c></summary>
    public static readonly DiagnosticDescriptor ExternalDataOutOfRange = new(
        "PC0108", DiagnosticSeverity.Error, "External data out of range",
        "tensor '{0}' reads bytes {1} to {2} of external file '{3}', which has only {4} bytes; the data file is truncated or belongs to another version of the model: copy the matching data file");

    /// <summary>PC0109: <c>tensor '{0}' is malformed: {1}...</c></summary>
    public static readonly DiagnosticDescriptor InvalidTensorData = new(
        "PC0109", DiagnosticSeverity.Error, "Malformed tensor",
        "tensor '{0}' is malformed: {1}; export the model again");

    /// <summary>PC0110: <c>node '{0}' reads tensor '{1}', which no node, graph input or initializer produces...</c></summary>
    public static readonly DiagnosticDescriptor DanglingInput = new(
        "PC0110", DiagnosticSeverity.Error, "Tensor read but never produced",
        "node '{0}' reads tensor '{1}', which no node, graph input or initializer produces; add it as a graph input or initializer, or fix the node's input name");

    /// <summary>PC0111: <c>the graph has a cycle through nodes {0}...</c></summary>
    public static readonly DiagnosticDescriptor GraphCycle = new(
        "PC0111", DiagnosticSeverity.Error, "Cycle in the graph",
        "the graph has a cycle through nodes {0}; an ONNX graph must be acyclic (loops belong inside a Loop node's body)");

    /// <summary>PC0112: <c>tensor '{0}' is produced twice ({1} and {2})...</c></summary>
    public static readonly DiagnosticDescriptor DuplicateOutput = new(
        "PC0112", DiagnosticSeverity.Error, "Tensor produced twice",
        "tensor '{0}' is produced twice ({1} and {2}); every tensor name must have exactly one producer (static single assignment)");

    /// <summary>PC0113: <c>graph output '{0}' is never produced...</c></summary>
    public static readonly DiagnosticDescriptor UnproducedGraphOutput = new(
        "PC0113", DiagnosticSeverity.Error, "Graph output never produced",
        "graph output '{0}' is never produced by a node, graph input or initializer; remove it or fix its name");

    /// <summary>PC0114: <c>the graph has no nodes to partition...</c></summary>
    public static readonly DiagnosticDescriptor EmptyGraph = new(
        "PC0114", DiagnosticSeverity.Error, "Nothing to partition",
        "the graph has no nodes to partition (only weight producers or none at all)");

    /// <summary>PC0115: <c>ONNX Runtime could not decide the types of {0} tensor(s)...</c></summary>
    public static readonly DiagnosticDescriptor OrtProbeFailed = new(
        "PC0115", DiagnosticSeverity.Warning, "ONNX Runtime could not decide shapes",
        "static shape inference left {0} tensor(s) undecided (first: '{1}'), and ONNX Runtime could not decide them either: {2}; their shapes stay unknown (null in JSON)");
}
