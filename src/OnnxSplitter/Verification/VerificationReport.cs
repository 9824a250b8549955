using PartitionCompiler.Partitioning.Collections;

namespace PartitionCompiler.OnnxSplitter.Verification;

/// <summary>
/// The result of the proof: each compared tensor with its errors, the timings of the original and of each stage, and
/// whether everything met the tolerance. Failures are also reported as PC0420-PC0422 diagnostics.
/// </summary>
public sealed record VerificationReport(
    VerificationOptions Options,
    EquatableArray<TensorCheck> Tensors,
    StageTiming Original,
    EquatableArray<StageTiming> Stages)
{
    public bool Passed => Tensors.All(t => t.Passed);

    /// <summary>The largest max abs error over every tensor (0 when there is none).</summary>
    public double WorstAbs => Tensors.Count == 0 ? 0 : Tensors.Max(t => t.MaxAbs);

    /// <summary>The largest max rel error over every tensor (0 when there is none).</summary>
    public double WorstRel => Tensors.Count == 0 ? 0 : Tensors.Max(t => t.MaxRel);
}
