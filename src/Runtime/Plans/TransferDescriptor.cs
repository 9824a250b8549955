namespace PartitionCompiler.Runtime.Plans;

/// <summary>A transfer of tensors from one stage to another along a route of devices.</summary>
/// <param name="FromStage">The producing stage's index.</param>
/// <param name="ToStage">The consuming stage's index.</param>
/// <param name="Route">The devices in hop order (the plan's <c>route</c>).</param>
/// <param name="Tensors">The names of the tensors moved; when empty, every output of <paramref name="FromStage"/>
/// whose <c>to</c> lists <paramref name="ToStage"/>.</param>
/// <param name="Bytes">The plan's byte count for the transfer.</param>
/// <param name="PredictedMs">The plan's predicted transfer time in milliseconds (latency included).</param>
/// <param name="Hops">Per hop of the route, the link's rate and latency (used when throttling); may be empty.</param>
public sealed record TransferDescriptor(
    int FromStage,
    int ToStage,
    IReadOnlyList<string> Route,
    IReadOnlyList<string> Tensors,
    long Bytes,
    double PredictedMs,
    IReadOnlyList<HopDescriptor> Hops)
{
    /// <summary>The route's hops joined by <c>-&gt;</c> (the plan's <c>link</c>).</summary>
    public string Link => string.Join("->", Route);
}
