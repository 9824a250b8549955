namespace PartitionCompiler.Runtime.Pipeline;

/// <summary>A stage's measured time next to the plan's prediction.</summary>
/// <param name="Index">The stage index.</param>
/// <param name="Device">The stage's device.</param>
/// <param name="MeasuredMs">The measured wall time of the stage's run in milliseconds (on this machine).</param>
/// <param name="PredictedMs">The plan's predicted time on the stage's device in milliseconds.</param>
public sealed record StageTiming(int Index, string Device, double MeasuredMs, double PredictedMs);
