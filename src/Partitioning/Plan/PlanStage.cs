using PartitionCompiler.Partitioning.Collections;

namespace PartitionCompiler.Partitioning.Plan;

/// <summary>
/// One stage: a contiguous run of positions on one device, emitted as one sub-model.
/// </summary>
/// <param name="Index">The stage's global index (also N in <c>&lt;stem&gt;.stage&lt;N&gt;.onnx</c>).</param>
/// <param name="File">The sub-model path relative to the partitions root, with <c>/</c>: <c>&lt;device&gt;/&lt;stem&gt;.stage&lt;N&gt;.onnx</c>.</param>
/// <param name="Sha256">sha256 of the sub-model file (empty until it is emitted).</param>
/// <param name="DataSha256">sha256 of the stage's external data file, when the stage has one.</param>
/// <param name="Nodes">Node keys in execution order (weight producers the stage needs included).</param>
/// <param name="Cru">Compute resource utilisation: the stage's compute time / the plan's latency.</param>
/// <param name="Sru">Storage resource utilisation: the stage's memory / its device's memory (0 when unlimited).</param>
public sealed record PlanStage(
    int Index,
    string Device,
    string File,
    string Sha256,
    string? DataSha256,
    EquatableArray<string> Nodes,
    EquatableArray<PlanTensor> Inputs,
    EquatableArray<PlanTensor> Outputs,
    double Flops,
    long ParameterBytes,
    long PeakActivationBytes,
    double PredictedMs,
    double EnergyJ,
    double Cru,
    double Sru);
