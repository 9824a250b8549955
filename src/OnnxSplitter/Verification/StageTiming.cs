namespace PartitionCompiler.OnnxSplitter.Verification;

/// <summary>How long ONNX Runtime took for one model of the proof.</summary>
/// <param name="Stage">The stage index, or -1 for the original model.</param>
/// <param name="Device">The stage's device (empty for the original).</param>
/// <param name="LoadMs">Creating the session (parsing, optimising, preparing weights).</param>
/// <param name="RunMs">The median run over the inputs.</param>
public sealed record StageTiming(int Stage, string Device, double LoadMs, double RunMs);
