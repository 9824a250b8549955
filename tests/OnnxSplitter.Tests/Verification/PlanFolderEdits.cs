using Google.Protobuf;
using PartitionCompiler.OnnxSplitter.Proto;
using PartitionCompiler.OnnxSplitter.Verification;
using PartitionCompiler.Partitioning.Diagnostics;
using PartitionCompiler.TestSupport.Partitions;

namespace PartitionCompiler.OnnxSplitter.Tests.Verification;

/// <summary>What the verifier's tests do to a <see cref="PlanFolder"/>: rewrite a stage's ONNX message, verify the plan file.</summary>
internal static class PlanFolderEdits
{
    /// <summary>Rewrites a stage file through <paramref name="edit"/> and records its new sha256 in the plan, as a faulty emitter would.</summary>
    public static void RewriteStage(this PlanFolder folder, int stage, Action<ModelProto> edit)
    {
        var model = ModelProto.Parser.ParseFrom(File.ReadAllBytes(folder.StagePath(stage)));
        edit(model);
        folder.ReplaceStageBytes(stage, model.ToByteArray());
    }

    /// <summary>Runs <see cref="PlanVerifier.VerifyPlanFile"/> on the folder's plan file.</summary>
    public static (VerificationReport? Report, DiagnosticBag Diagnostics) Verify(this PlanFolder folder, VerificationOptions? options = null, string? stages = null)
    {
        var diagnostics = new DiagnosticBag();
        var report = PlanVerifier.VerifyPlanFile(folder.PlanPath, stages, options ?? new VerificationOptions(), diagnostics);
        return (report, diagnostics);
    }
}
