using PartitionCompiler.Partitioning.Collections;

namespace PartitionCompiler.Codegen.Spec;

/// <summary>One stage's class (<c>DetectorPlan.Glasses.Stage0</c>): its records, its run methods and its glue.</summary>
/// <param name="Index">The stage's global index.</param>
/// <param name="Device">The device's name (untrusted text).</param>
/// <param name="DeviceClassName">The class of the device the stage runs on.</param>
/// <param name="ClassName"><c>Stage</c> + the index.</param>
/// <param name="File">The stage model, relative to the partitions root, with <c>/</c>.</param>
/// <param name="PredictedMs">Predicted compute time, to 6 significant digits.</param>
/// <param name="EnergyJ">Predicted energy, to 6 significant digits.</param>
/// <param name="Inputs">The stage model's inputs, in model order; properties unique within the <c>Inputs</c> record.</param>
/// <param name="Outputs">The stage model's outputs, in model order; properties unique within the <c>Outputs</c> record.</param>
/// <param name="Arrival">How the stage's inputs reach it: <c>ReceiveAsync</c> or <c>Arrive</c>.</param>
/// <param name="Send">The <c>SendAsync</c> of the transfer that leaves the stage (to the next stage or to the sink), if any.</param>
/// <param name="Collect">The last stage's <c>CollectGraphOutputs</c>, when the plan ends on its device (no output transfer).</param>
public sealed record StageClassSpec(
    int Index,
    string Device,
    string DeviceClassName,
    string ClassName,
    string File,
    double PredictedMs,
    double EnergyJ,
    EquatableArray<TensorSpec> Inputs,
    EquatableArray<TensorSpec> Outputs,
    ArrivalSpec Arrival,
    SendSpec? Send,
    GraphOutputsSpec? Collect);
