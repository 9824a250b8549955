using PartitionCompiler.Partitioning.Collections;

namespace PartitionCompiler.Partitioning.Plan;

/// <summary>
/// Data moving across one cut, over one or more hops.
/// </summary>
/// <param name="FromStage">The stage before the cut, or null for the graph inputs leaving the source device
/// (written <c>"input"</c>).</param>
/// <param name="ToStage">The stage after the cut, or null for the graph outputs going to the sink device
/// (written <c>"output"</c>).</param>
/// <param name="Route">Devices in hop order (<c>["glasses", "phone", "cloud"]</c>).</param>
/// <param name="Link">The hops joined by <c>-&gt;</c> (<c>glasses-&gt;phone-&gt;cloud</c>).</param>
/// <param name="Tensors">The tensors sent: everything crossing the cut, in the order they became available.</param>
/// <param name="PredictedMs">Latency of every hop plus bytes / rate of every hop.</param>
/// <param name="EnergyJ">Link power times hop time, summed over the hops.</param>
public sealed record PlanTransfer(
    int? FromStage,
    int? ToStage,
    EquatableArray<string> Route,
    string Link,
    EquatableArray<string> Tensors,
    long Bytes,
    double PredictedMs,
    double EnergyJ);
