using PartitionCompiler.Partitioning.Collections;
using PartitionCompiler.Partitioning.Plan;

namespace PartitionCompiler.OnnxSplitter.SubModels;

/// <summary>The emitted stage files of a plan, in the plan's stage order.</summary>
public sealed class SubModelSet
{
    internal SubModelSet(IReadOnlyList<StageModelFile> stages) => Stages = stages;

    public IReadOnlyList<StageModelFile> Stages { get; }

    /// <summary>
    /// The plan with each stage's <c>file</c>, <c>sha256</c> and <c>dataSha256</c> taken from the emitted files (the plan
    /// these files were built from; stages are matched by position).
    /// </summary>
    public PartitionPlan ApplyTo(PartitionPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (plan.Stages.Count != Stages.Count)
        {
            throw new ArgumentException($"The plan has {plan.Stages.Count} stages, but {Stages.Count} were emitted.", nameof(plan));
        }

        Parallel.ForEach(Stages, stage => _ = stage.Sha256);
        var stages = plan.Stages.Select((stage, i) => stage with
        {
            File = Stages[i].RelativePath,
            Sha256 = Stages[i].Sha256,
            DataSha256 = Stages[i].Data?.Sha256,
        }).ToEquatableArray();
        return plan with { Stages = stages };
    }
}
