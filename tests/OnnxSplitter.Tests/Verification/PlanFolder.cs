using Google.Protobuf;
using PartitionCompiler.OnnxSplitter.Proto;
using PartitionCompiler.OnnxSplitter.Reading;
using PartitionCompiler.OnnxSplitter.SubModels;
using PartitionCompiler.OnnxSplitter.Tests.SubModels;
using PartitionCompiler.OnnxSplitter.Verification;
using PartitionCompiler.Partitioning.Collections;
using PartitionCompiler.Partitioning.Diagnostics;
using PartitionCompiler.Partitioning.Plan;
using PartitionCompiler.TestSupport;
using PartitionCompiler.TestSupport.Partitions;

namespace PartitionCompiler.OnnxSplitter.Tests.Verification;

/// <summary>
/// A folder as <c>partc plan --out</c> leaves it: the model, the plan file (model path relative to it) and the stage
/// files under their device folders. Tests damage pieces of it and run <c>PlanVerifier.VerifyPlanFile</c>.
/// </summary>
internal sealed class PlanFolder : IDisposable
{
    private readonly TempFolder _folder = new();

    private PlanFolder(OnnxModelBuilder builder, int[] cuts)
    {
        ModelPath = builder.WriteTo(_folder.File("block.onnx"));
        Model = Stages.ReadFile(ModelPath);
        var plan = new CutPlans(Model).Plan(cuts);
        Plan = Stages.Write(Stages.Build(Model, plan), plan, _folder.Path);
        PlanPath = _folder.File("block.plan.json");
        WritePlan(Plan);
    }

    public string Root => _folder.Path;

    public string ModelPath { get; }

    public OnnxModel Model { get; }

    public string PlanPath { get; }

    public PartitionPlan Plan { get; private set; }

    public static PlanFolder Create(OnnxModelBuilder builder, params int[] cuts) => new(builder, cuts);

    public string StagePath(int stage) => Path.Combine(Root, Plan.Stages[stage].File);

    public void WritePlan(PartitionPlan plan)
    {
        Plan = plan;
        File.WriteAllBytes(PlanPath, PlanJsonWriter.Write(plan));
    }

    public void EditPlanStage(int stage, Func<PlanStage, PlanStage> edit) =>
        WritePlan(Plan with { Stages = Plan.Stages.Select((s, i) => i == stage ? edit(s) : s).ToEquatableArray() });

    /// <summary>Rewrites a stage file through <paramref name="edit"/> and records its new sha256 in the plan, as a faulty emitter would.</summary>
    public void RewriteStage(int stage, Action<ModelProto> edit)
    {
        var model = ModelProto.Parser.ParseFrom(File.ReadAllBytes(StagePath(stage)));
        edit(model);
        ReplaceStageBytes(stage, model.ToByteArray());
    }

    /// <summary>Replaces a stage file's bytes and records their sha256 in the plan.</summary>
    public void ReplaceStageBytes(int stage, byte[] bytes)
    {
        File.WriteAllBytes(StagePath(stage), bytes);
        EditPlanStage(stage, s => s with { Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)) });
    }

    public (VerificationReport? Report, DiagnosticBag Diagnostics) Verify(VerificationOptions? options = null, string? stages = null)
    {
        var diagnostics = new DiagnosticBag();
        var report = PlanVerifier.VerifyPlanFile(PlanPath, stages, options ?? new VerificationOptions(), diagnostics);
        return (report, diagnostics);
    }

    /// <summary>The line of the value at a JSON path of the current plan file.</summary>
    public int? LineOf(string jsonPath) => PlanJsonLocator.FromJson(PlanPath, File.ReadAllBytes(PlanPath)).Locate(jsonPath)?.Line;

    public void Dispose() => _folder.Dispose();
}
