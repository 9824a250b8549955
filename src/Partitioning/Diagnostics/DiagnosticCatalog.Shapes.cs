namespace PartitionCompiler.Partitioning.Diagnostics;

// PC0120-PC0149: shapes and dims (input pins, static shape inference, the planning check that every size is known).
// Keep codes in order; never reuse a retired code.
public static partial class DiagnosticCatalog
{
    /// <summary>PC0120: <c>input pin '{0}' names no graph input of the model; its inputs are {1}</c></summary>
    public static readonly DiagnosticDescriptor PinUnknownInput = new(
        "PC0120", DiagnosticSeverity.Error, "Input pin names no graph input",
        "input pin '{0}' names no graph input of the model; its inputs are {1}: fix the name in --input or the manifest's \"inputs\"");

    /// <summary>PC0121: <c>input pin '{0}' gives {1} dims, but the graph input has rank {2}...</c></summary>
    public static readonly DiagnosticDescriptor PinRankMismatch = new(
        "PC0121", DiagnosticSeverity.Error, "Input pin has the wrong rank",
        "input pin '{0}' gives {1} dims, but the graph input has rank {2} ({3}); give exactly {2} dims");

    /// <summary>PC0122: <c>input pin '{0}' sets dim {1} to {2}, but the model fixes it to {3}...</c></summary>
    public static readonly DiagnosticDescriptor PinConflictsWithModel = new(
        "PC0122", DiagnosticSeverity.Error, "Input pin contradicts a fixed dim",
        "input pin '{0}' sets dim {1} to {2}, but the model fixes that dim to {3}; pin {3} there, or export the model with a symbolic dim");

    /// <summary>PC0123: <c>input '{0}' dim {1} is symbolic {2}; ... pin it with --input {0}={3}...</c></summary>
    public static readonly DiagnosticDescriptor UnpinnedDim = new(
        "PC0123", DiagnosticSeverity.Error, "Input dim not pinned",
        "input '{0}' dim {1} is symbolic {2}; planning needs every dim: pin it with --input {0}={3} or the manifest's \"inputs\"");

    /// <summary>PC0124: <c>the size of tensor '{0}' ({1}) is unknown after shape inference...</c></summary>
    public static readonly DiagnosticDescriptor UnknownTensorSize = new(
        "PC0124", DiagnosticSeverity.Error, "Tensor size unknown",
        "the size of tensor '{0}' ({1}) is unknown after shape inference{2}; planning needs every tensor's size: pin the graph inputs' dims, or, when its shape depends on data, give it a static shape in the model's value_info");

    /// <summary>PC0125: <c>node '{0}' ({1}): {2}; the model is invalid...</c></summary>
    public static readonly DiagnosticDescriptor ShapeMismatch = new(
        "PC0125", DiagnosticSeverity.Error, "Inconsistent input shapes",
        "node '{0}' ({1}): {2}; the model is invalid (ONNX Runtime rejects it): fix the node or the producers of its inputs");

    /// <summary>PC0126: <c>node '{0}' ({1}): attribute or input '{2}' {3}...</c></summary>
    public static readonly DiagnosticDescriptor InvalidShapeArgument = new(
        "PC0126", DiagnosticSeverity.Error, "Invalid attribute or shape argument",
        "node '{0}' ({1}): '{2}' {3}; fix it to match the operator's ONNX specification");

    /// <summary>PC0127: <c>input pin '{0}' dim {1} is {2}; pinned dims must be at least 1</c></summary>
    public static readonly DiagnosticDescriptor PinDimNotPositive = new(
        "PC0127", DiagnosticSeverity.Error, "Input pin dim not positive",
        "input pin '{0}' dim {1} is {2}; pinned dims must be at least 1");
}
