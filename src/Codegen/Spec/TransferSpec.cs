using PartitionCompiler.Partitioning.Collections;

namespace PartitionCompiler.Codegen.Spec;

/// <summary>A transfer as the generated <c>PlanDescriptor</c> records it.</summary>
/// <param name="FromStage">The producing stage.</param>
/// <param name="ToStage">The consuming stage.</param>
/// <param name="Route">The devices in hop order.</param>
/// <param name="Tensors">The tensor names moved, in the producing stage's output order (never empty).</param>
/// <param name="Bytes">The plan's byte count.</param>
/// <param name="PredictedMs">Predicted transfer time, to 6 significant digits.</param>
/// <param name="Hops">Rate and latency of every hop, from the manifest's links.</param>
public sealed record TransferSpec(
    int FromStage,
    int ToStage,
    EquatableArray<string> Route,
    EquatableArray<string> Tensors,
    long Bytes,
    double PredictedMs,
    EquatableArray<HopSpec> Hops);
