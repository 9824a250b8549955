using Microsoft.ML.OnnxRuntime;
using PartitionCompiler.OnnxSplitter.SubModels;
using PartitionCompiler.Partitioning.Diagnostics;
using PartitionCompiler.Partitioning.Plan;

namespace PartitionCompiler.OnnxSplitter.Verification;

/// <summary>Where the proof finds the stage models: files under a partitions root, or stages just built in memory.</summary>
internal interface IStageSource
{
    /// <summary>Checks every stage before anything runs; false after reporting why a stage cannot be loaded.</summary>
    bool Check(PartitionPlan plan, PlanJsonLocator locator, DiagnosticBag diagnostics);

    /// <summary>Opens the stage at <paramref name="position"/> in the plan, or returns null after PC0412.</summary>
    InferenceSession? Open(int position, PlanStage stage, SessionProfile profile, PlanJsonLocator locator, DiagnosticBag diagnostics, out double loadMs);
}
