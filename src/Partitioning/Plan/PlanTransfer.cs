using PartitionCompiler.Partitioning.Collections;

namespace PartitionCompiler.Partitioning.Plan;

/// <summary>
/// Data moving from one stage to the next, over one or more hops.
/// </summary>
/// <param name="Route">Devices in hop order (<c>["glasses", "phone", "cloud"]</c>).</param>
/// <param name="Link">The hops joined by <c>-&gt;</c> (<c>glasses-&gt;phone-&gt;cloud</c>).</param>
/// <param name="Tensors">The tensors sent, in the producing stage's output order.</param>
/// <param name="PredictedMs">Latency of every hop plus bytes / rate of every hop.</param>
public sealed record PlanTransfer(
    int FromStage,
    int ToStage,
    EquatableArray<string> Route,
    string Link,
    EquatableArray<string> Tensors,
    long Bytes,
    double PredictedMs);
