namespace PartitionCompiler.Runtime.Pipeline;

/// <summary>A transfer's measured time next to the plan's prediction.</summary>
/// <param name="FromStage">The producing stage.</param>
/// <param name="ToStage">The consuming stage.</param>
/// <param name="Link">The route's devices joined by <c>-&gt;</c>.</param>
/// <param name="Bytes">The payload bytes actually moved.</param>
/// <param name="MeasuredMs">The measured time from send to receive in milliseconds (throttle delay included).</param>
/// <param name="PredictedMs">The plan's predicted transfer time in milliseconds.</param>
public sealed record TransferTiming(int FromStage, int ToStage, string Link, long Bytes, double MeasuredMs, double PredictedMs);
