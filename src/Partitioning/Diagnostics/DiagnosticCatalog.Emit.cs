namespace PartitionCompiler.Partitioning.Diagnostics;

// PC04xx: emission and verification. PC0400-PC0409 a plan's stages against the model (sub-model building),
// PC0410-PC0419 stage files on disk and ONNX Runtime, PC0420-PC0429 the numerical proof.
// Keep codes in order; never reuse a retired code.
public static partial class DiagnosticCatalog
{
    /// <summary>PC0400: <c>stage {0} names node '{1}', which the model does not have...</c></summary>
    public static readonly DiagnosticDescriptor PlanNodeUnknown = new(
        "PC0400", DiagnosticSeverity.Error, "Plan names an unknown node",
        "stage {0} names node '{1}', which the model does not have; the plan was made for another model or edited by hand: run 'partc plan' again");

    /// <summary>PC0401: <c>stage {0} lists {1} '{2}', which {3}...</c></summary>
    public static readonly DiagnosticDescriptor PlanTensorUnknown = new(
        "PC0401", DiagnosticSeverity.Error, "Plan names an unknown tensor",
        "stage {0} lists {1} '{2}', which {3}; the plan was made for another model or edited by hand: run 'partc plan' again");

    /// <summary>PC0402: <c>stage {0}: node '{1}' reads tensor '{2}', which no node of the stage produces...</c></summary>
    public static readonly DiagnosticDescriptor StageInputMissing = new(
        "PC0402", DiagnosticSeverity.Error, "Stage reads a tensor it does not receive",
        "stage {0}: node '{1}' reads tensor '{2}', which no node of the stage produces and which is not among the stage's inputs; the plan is incomplete: run 'partc plan' again");

    /// <summary>PC0403: <c>stage {0} lists output '{1}', which none of its nodes produces...</c></summary>
    public static readonly DiagnosticDescriptor StageOutputNotProduced = new(
        "PC0403", DiagnosticSeverity.Error, "Stage output not produced by the stage",
        "stage {0} lists output '{1}', which none of its nodes produces; the plan is inconsistent: run 'partc plan' again");

    /// <summary>PC0404: <c>stage {0}: tensor '{1}' has type '{2}' and shape {3}...</c></summary>
    public static readonly DiagnosticDescriptor StageTensorType = new(
        "PC0404", DiagnosticSeverity.Error, "Stage tensor without a usable type",
        "stage {0}: tensor '{1}' has type '{2}' and shape {3} in the plan, but a stage input or output needs an ONNX element type and non-negative dims; pin every input dim (manifest 'inputs' or --input) and run 'partc plan' again");

    /// <summary>PC0405: <c>stage {0}: {1} '{2}' cannot be used as a relative file path...</c></summary>
    public static readonly DiagnosticDescriptor StageFilePathUnsafe = new(
        "PC0405", DiagnosticSeverity.Error, "Unusable stage file path",
        "stage {0}: {1} '{2}' cannot be used as a relative file path ({3}); stage files go to <partitions root>/<device>/<model>.stage<N>.onnx: rename the device or fix the plan's 'file'");

    /// <summary>PC0406: <c>the plan was made for model '{0}' with sha256 {1}, but the file now has sha256 {2}...</c></summary>
    public static readonly DiagnosticDescriptor PlanModelChanged = new(
        "PC0406", DiagnosticSeverity.Error, "Plan made for another version of the model",
        "the plan was made for model '{0}' with sha256 {1}, but the file now has sha256 {2}; the model changed since the plan was made: run 'partc plan' again");

    /// <summary>PC0407: <c>cannot read the external data of tensor '{0}' from '{1}' for stage {2}: {3}...</c></summary>
    public static readonly DiagnosticDescriptor StageDataUnreadable = new(
        "PC0407", DiagnosticSeverity.Error, "External data unreadable while emitting",
        "cannot read the external data of tensor '{0}' from '{1}' for stage {2}: {3}; keep the model's data files next to it and unchanged while the stages are emitted");

    /// <summary>PC0408: <c>graph output '{0}' is produced by no stage of the plan...</c></summary>
    public static readonly DiagnosticDescriptor GraphOutputNotProduced = new(
        "PC0408", DiagnosticSeverity.Error, "Graph output produced by no stage",
        "graph output '{0}' is produced by no stage of the plan (no stage lists it with \"to\": [\"output\"]); the plan is incomplete: run 'partc plan' again");

    /// <summary>PC0409: <c>stage {0} receives '{1}' from {2}, which {3}...</c></summary>
    public static readonly DiagnosticDescriptor StageWiringBroken = new(
        "PC0409", DiagnosticSeverity.Error, "Stage input not delivered",
        "stage {0} receives '{1}' from {2}, which {3}; the plan's stages do not fit together: run 'partc plan' again");

    /// <summary>PC0410: <c>stage {0}: {1} '{2}' does not exist...</c></summary>
    public static readonly DiagnosticDescriptor StageFileMissing = new(
        "PC0410", DiagnosticSeverity.Error, "Stage file missing",
        "stage {0}: {1} '{2}' does not exist; emit the stages with 'partc plan' (or a build), or pass the partitions folder with --stages DIR");

    /// <summary>PC0411: <c>stage {0}: {1} '{2}' has sha256 {3}, but the plan records {4}...</c></summary>
    public static readonly DiagnosticDescriptor StageFileChanged = new(
        "PC0411", DiagnosticSeverity.Error, "Stage file differs from the plan",
        "stage {0}: {1} '{2}' has sha256 {3}, but the plan records {4}; the file was changed or belongs to another plan: emit the stages again with 'partc plan'");

    /// <summary>PC0412: <c>ONNX Runtime cannot load {0}: {1}...</c></summary>
    public static readonly DiagnosticDescriptor OrtLoadFailed = new(
        "PC0412", DiagnosticSeverity.Error, "ONNX Runtime cannot load a model",
        "ONNX Runtime cannot load {0}: {1}; if this is a stage file, emit it again with 'partc plan'; if it is the original model, check it with 'partc inspect'");

    /// <summary>PC0413: <c>ONNX Runtime failed running {0} on input {1}: {2}...</c></summary>
    public static readonly DiagnosticDescriptor OrtRunFailed = new(
        "PC0413", DiagnosticSeverity.Error, "ONNX Runtime run failed",
        "ONNX Runtime failed running {0} on input {1}: {2}; check that the model runs on its own with these input shapes");

    /// <summary>PC0414: <c>cannot make a random value for graph input '{0}': {1}...</c></summary>
    public static readonly DiagnosticDescriptor VerifyInputUnsupported = new(
        "PC0414", DiagnosticSeverity.Error, "No random value for a graph input",
        "cannot make a random value for graph input '{0}': {1}; verification feeds float, integer and bool tensors of fully pinned shapes");

    /// <summary>PC0415: <c>cannot read plan file '{0}': {1}...</c></summary>
    public static readonly DiagnosticDescriptor PlanFileUnreadable = new(
        "PC0415", DiagnosticSeverity.Error, "Plan file cannot be read",
        "cannot read plan file '{0}': {1}; pass the plan that 'partc plan' (or a build) wrote, e.g. detector.plan.json");

    /// <summary>PC0420: <c>tensor '{0}' ({1}) differs from the original: max abs error {2} exceeds...</c></summary>
    public static readonly DiagnosticDescriptor VerifyOverTolerance = new(
        "PC0420", DiagnosticSeverity.Error, "Stage result differs from the original",
        "tensor '{0}' ({1}) differs from the original: max abs error {2} exceeds atol + rtol * max|ref| = {3} (max rel error {4}, input {5}); the stage chain does not compute the original model: emit the stages again, and report it if it persists");

    /// <summary>PC0421: <c>tensor '{0}' ({1}) has NaN or infinity where the original has not...</c></summary>
    public static readonly DiagnosticDescriptor VerifyNonFiniteMismatch = new(
        "PC0421", DiagnosticSeverity.Error, "NaN or infinity at other places than the original",
        "tensor '{0}' ({1}) has NaN or infinity at other places than the original ({2} elements differ, first at flat index {3}, input {4}); the stage chain does not compute the original model");

    /// <summary>PC0422: <c>tensor '{0}' ({1}) is {2}, but the original's is {3}...</c></summary>
    public static readonly DiagnosticDescriptor VerifyTypeMismatch = new(
        "PC0422", DiagnosticSeverity.Error, "Stage tensor type or shape differs from the original",
        "tensor '{0}' ({1}) is {2}, but the original's is {3}; the plan's types do not match the model: run 'partc plan' again");
}
