using PartitionCompiler.Partitioning.Collections;

namespace PartitionCompiler.OnnxSplitter.Verification;

/// <summary>
/// The comparison of one tensor the stage chain produced (a tensor crossing a cut, or a graph output) with the same
/// tensor of the original model, over every run.
/// </summary>
/// <param name="FromStage">The stage that produced it.</param>
/// <param name="ToStages">The stages that receive it.</param>
/// <param name="IsGraphOutput">True for a graph output.</param>
/// <param name="Type">Element type (numpy name) and shape, as the original produced it: <c>float32[1,64,56,56]</c>.</param>
/// <param name="MaxAbs">Largest |stage - original| over every finite element and run.</param>
/// <param name="MaxRel">Largest per-run max_abs / max|ref|.</param>
/// <param name="MaxRef">Largest |original| over every finite element and run.</param>
/// <param name="Passed">True when every run met the tolerance with NaN and infinities at the same places.</param>
/// <param name="Problem">Why it failed, or null.</param>
public sealed record TensorCheck(
    string Name,
    int FromStage,
    EquatableArray<int> ToStages,
    bool IsGraphOutput,
    string Type,
    double MaxAbs,
    double MaxRel,
    double MaxRef,
    bool Passed,
    string? Problem)
{
    /// <summary>Where the tensor goes: <c>stage 0 -&gt; 1, 2</c>, <c>stage 2 -&gt; output</c>.</summary>
    public string Route
    {
        get
        {
            var targets = ToStages.Select(s => s.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
            if (IsGraphOutput)
            {
                targets.Add("output");
            }

            return $"stage {FromStage.ToString(System.Globalization.CultureInfo.InvariantCulture)} -> {string.Join(", ", targets)}";
        }
    }
}
