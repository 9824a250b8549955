using System.Globalization;
using PartitionCompiler.Partitioning.Collections;

namespace PartitionCompiler.Codegen.Spec;

/// <summary>A transfer of the plan's cut model as the generated <c>PlanDescriptor</c> records it.</summary>
/// <param name="FromStage">The stage before the cut, or null for the input transfer (graph inputs leaving the source).</param>
/// <param name="ToStage">The stage after the cut, or null for the output transfer (graph outputs going to the sink).</param>
/// <param name="Route">The devices in hop order.</param>
/// <param name="Tensors">The tensor names sent, in the plan's order: everything crossing the cut.</param>
/// <param name="Bytes">The plan's byte count.</param>
/// <param name="PredictedMs">Predicted transfer time, to 6 significant digits.</param>
/// <param name="Hops">Rate and latency of every hop, from the manifest's links.</param>
public sealed record TransferSpec(
    int? FromStage,
    int? ToStage,
    EquatableArray<string> Route,
    EquatableArray<string> Tensors,
    long Bytes,
    double PredictedMs,
    EquatableArray<HopSpec> Hops)
{
    /// <summary>The transfer's ends as the plan writes them: <c>0->1</c>, <c>input->0</c>, <c>2->output</c>.</summary>
    public string Label => Describe(FromStage, ToStage);

    /// <summary>Transfer ends as the plan writes them.</summary>
    /// <param name="fromStage">The stage before the cut, or null for the graph inputs.</param>
    /// <param name="toStage">The stage after the cut, or null for the graph outputs.</param>
    /// <returns>For example <c>input->0</c>.</returns>
    public static string Describe(int? fromStage, int? toStage) =>
        (fromStage?.ToString(CultureInfo.InvariantCulture) ?? "input") + "->" + (toStage?.ToString(CultureInfo.InvariantCulture) ?? "output");
}
