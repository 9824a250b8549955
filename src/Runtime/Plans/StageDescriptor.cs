namespace PartitionCompiler.Runtime.Plans;

/// <summary>One stage of a plan: a sub-model that runs on one device.</summary>
/// <param name="Index">The stage's global index in the plan.</param>
/// <param name="Device">The device's name.</param>
/// <param name="File">The stage's ONNX file, relative to the stage folder, with <c>/</c> separators.</param>
/// <param name="Inputs">The stage's inputs, in the sub-model's input order.</param>
/// <param name="Outputs">The stage's outputs, in the sub-model's output order.</param>
/// <param name="PredictedMs">The plan's predicted compute time in milliseconds.</param>
public sealed record StageDescriptor(
    int Index,
    string Device,
    string File,
    IReadOnlyList<StageInputDescriptor> Inputs,
    IReadOnlyList<StageOutputDescriptor> Outputs,
    double PredictedMs);
