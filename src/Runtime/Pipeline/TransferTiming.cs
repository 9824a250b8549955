using PartitionCompiler.Runtime.Plans;

namespace PartitionCompiler.Runtime.Pipeline;

/// <summary>A transfer's measured time next to the plan's prediction.</summary>
/// <param name="FromStage">The stage before the cut, or null for the input transfer (graph inputs from the source).</param>
/// <param name="ToStage">The stage after the cut, or null for the output transfer (graph outputs to the sink).</param>
/// <param name="Link">The route's devices joined by <c>-&gt;</c>.</param>
/// <param name="Tensors">The names of the tensors moved, in message order.</param>
/// <param name="Bytes">The payload bytes actually moved.</param>
/// <param name="MeasuredMs">The measured time from send to arrival at the route's last device in milliseconds
/// (throttle delays included).</param>
/// <param name="PredictedMs">The plan's predicted transfer time in milliseconds.</param>
public sealed record TransferTiming(
    int? FromStage, int? ToStage, string Link, IReadOnlyList<string> Tensors, long Bytes, double MeasuredMs, double PredictedMs)
{
    /// <summary>The transfer's ends as the plan writes them: <c>0->1</c>, <c>input->0</c>, <c>2->output</c>.</summary>
    public string Label => TransferDescriptor.Describe(FromStage, ToStage);
}
