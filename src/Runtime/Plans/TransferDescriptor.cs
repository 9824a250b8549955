using System.Globalization;

namespace PartitionCompiler.Runtime.Plans;

/// <summary>
/// One transfer of the plan's cut model: everything that crosses one cut where the data changes device, sent from the
/// device before the cut along a route of devices to the device after it. Besides the sending stage's own outputs, a
/// transfer carries the tensors that later stages need and that the sending device only relays (a skip tensor produced
/// in stage 0 and read in stage 2 is in transfer 0→1 and in transfer 1→2), graph inputs still to be read and graph
/// outputs on their way to the sink.
/// </summary>
/// <param name="FromStage">The stage before the cut; null for the input transfer, which takes the graph inputs from the
/// source device to the first stage's device (the plan's <c>"fromStage": "input"</c>).</param>
/// <param name="ToStage">The stage after the cut; null for the output transfer, which takes the graph outputs from the
/// last stage's device to the sink device (the plan's <c>"toStage": "output"</c>).</param>
/// <param name="Route">The devices in hop order (the plan's <c>route</c>): the sending device first (the source for the
/// input transfer), the receiving device last (the sink for the output transfer).</param>
/// <param name="Tensors">The names of the tensors sent, exactly as the plan lists them (may be empty when nothing
/// crosses the cut).</param>
/// <param name="Bytes">The plan's byte count for the transfer.</param>
/// <param name="PredictedMs">The plan's predicted transfer time in milliseconds (every hop's latency included).</param>
/// <param name="Hops">Per hop of the route, the link's rate and latency (used when throttling); empty when unknown.</param>
public sealed record TransferDescriptor(
    int? FromStage,
    int? ToStage,
    IReadOnlyList<string> Route,
    IReadOnlyList<string> Tensors,
    long Bytes,
    double PredictedMs,
    IReadOnlyList<HopDescriptor> Hops)
{
    /// <summary>The route's devices joined by <c>-&gt;</c> (the plan's <c>link</c>).</summary>
    public string Link => string.Join("->", Route);

    /// <summary>Whether this is the input transfer (graph inputs leaving the source device).</summary>
    public bool IsInput => FromStage is null;

    /// <summary>Whether this is the output transfer (graph outputs going to the sink device).</summary>
    public bool IsOutput => ToStage is null;

    /// <summary>The transfer's ends as the plan writes them: <c>0->1</c>, <c>input->0</c>, <c>2->output</c>.</summary>
    public string Label => Describe(FromStage, ToStage);

    /// <summary>Transfer ends as the plan writes them.</summary>
    /// <param name="fromStage">The stage before the cut, or null for the graph inputs.</param>
    /// <param name="toStage">The stage after the cut, or null for the graph outputs.</param>
    /// <returns>For example <c>input->0</c>.</returns>
    public static string Describe(int? fromStage, int? toStage) =>
        (fromStage?.ToString(CultureInfo.InvariantCulture) ?? "input") + "->" + (toStage?.ToString(CultureInfo.InvariantCulture) ?? "output");
}
