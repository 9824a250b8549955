namespace PartitionCompiler.Partitioning.Diagnostics;

// PC01xx: the model, its graph and its dims. PC0100-PC0109 reading the file (ONNX edge), PC0110-PC0119 graph
// structure, PC0120-PC0149 shapes and dims. Keep codes in order; never reuse a retired code.
public static partial class DiagnosticCatalog
{
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
}
