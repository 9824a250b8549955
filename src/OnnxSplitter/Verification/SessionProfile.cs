namespace PartitionCompiler.OnnxSplitter.Verification;

/// <summary>How the proof configures ONNX Runtime sessions (the original and every stage always share one profile).</summary>
public enum SessionProfile
{
    /// <summary>As applications run models: all graph optimisations (fusions, layout changes) and weight prepacking.
    /// Fusions differ at cut boundaries, so results match the original to float rounding.</summary>
    Default,

    /// <summary>Every node as written: no graph optimisation, no weight prepacking. Loads are several times faster and the
    /// stages compute the very same kernels as the original, so results normally match exactly.</summary>
    Plain,
}
