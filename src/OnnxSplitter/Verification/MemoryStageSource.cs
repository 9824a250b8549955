using System.Globalization;
using Microsoft.ML.OnnxRuntime;
using PartitionCompiler.OnnxSplitter.SubModels;
using PartitionCompiler.Partitioning.Diagnostics;
using PartitionCompiler.Partitioning.Plan;

namespace PartitionCompiler.OnnxSplitter.Verification;

/// <summary>Stages just built by <see cref="SubModelBuilder"/>, loaded from their bytes (stages without external data only).</summary>
internal sealed class MemoryStageSource : IStageSource
{
    private readonly SubModelSet _stages;

    public MemoryStageSource(SubModelSet stages)
    {
        if (stages.Stages.Any(s => s.Data is not null))
        {
            throw new ArgumentException("Stages with external data must be written to a folder and verified there.", nameof(stages));
        }

        _stages = stages;
    }

    public bool Check(PartitionPlan plan, PlanJsonLocator locator, DiagnosticBag diagnostics)
    {
        if (plan.Stages.Count != _stages.Stages.Count)
        {
            throw new ArgumentException($"The plan has {plan.Stages.Count} stages, but {_stages.Stages.Count} were built.", nameof(plan));
        }

        return true;
    }

    public InferenceSession? Open(int position, PlanStage stage, SessionProfile profile, PlanJsonLocator locator, DiagnosticBag diagnostics, out double loadMs)
    {
        var file = _stages.Stages[position];
        return OrtSessions.Load(file.ContentArray, null, profile, $"stage {stage.Index.ToString(CultureInfo.InvariantCulture)} ('{file.RelativePath}')",
            locator.Locate(string.Create(CultureInfo.InvariantCulture, $"$.stages[{position}]")), diagnostics, out loadMs);
    }
}
