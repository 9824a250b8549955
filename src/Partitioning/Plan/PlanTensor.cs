using PartitionCompiler.Partitioning.Collections;

namespace PartitionCompiler.Partitioning.Plan;

/// <summary>
/// A tensor at a stage boundary.
/// For a stage input, <see cref="FromStage"/> names the producing stage (null: a graph input, written <c>"input"</c>).
/// For a stage output, <see cref="ToStages"/> lists the consuming stages and <see cref="ToOutput"/> says whether it is a
/// graph output (written <c>"output"</c> in <c>to</c>).
/// </summary>
/// <param name="Type">Element type in numpy spelling (<c>float32</c>).</param>
public sealed record PlanTensor(
    string Name,
    string Type,
    EquatableArray<long> Shape,
    int? FromStage,
    EquatableArray<int> ToStages,
    bool ToOutput)
{
    public static PlanTensor Input(string name, string type, EquatableArray<long> shape, int? fromStage) =>
        new(name, type, shape, fromStage, EquatableArray<int>.Empty, false);

    public static PlanTensor Output(string name, string type, EquatableArray<long> shape, EquatableArray<int> toStages, bool toOutput) =>
        new(name, type, shape, null, toStages, toOutput);
}
