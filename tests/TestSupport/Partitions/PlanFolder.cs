using System.Security.Cryptography;
using PartitionCompiler.OnnxSplitter.Reading;
using PartitionCompiler.OnnxSplitter.SubModels;
using PartitionCompiler.Partitioning.Collections;
using PartitionCompiler.Partitioning.Diagnostics;
using PartitionCompiler.Partitioning.Plan;
using Xunit;

namespace PartitionCompiler.TestSupport.Partitions;

/// <summary>
/// A folder as <c>partc plan</c> leaves it: the model (<c>block.onnx</c>), the plan file (<c>block.plan.json</c>, model
/// path relative to it) of a plan cut at given positions, and the stage files under their device folders. Tests damage
/// pieces of it and verify the plan.
/// </summary>
public sealed class PlanFolder : IDisposable
{
    private readonly TempFolder _folder = new();

    private PlanFolder(OnnxModelBuilder builder, int[] cuts)
    {
        ModelPath = builder.WriteTo(_folder.File("block.onnx"));
        var diagnostics = new DiagnosticBag();
        Model = OnnxModelReader.Read(ModelPath, diagnostics)!;
        Assert.True(Model is not null, string.Join("\n", diagnostics.Items));
        var plan = new CutPlans(Model).Plan(cuts);
        var set = SubModelBuilder.Build(Model, plan, diagnostics);
        Assert.True(set is not null && !diagnostics.HasErrors, string.Join("\n", diagnostics.Items));
        PlanPath = _folder.File("block.plan.json");
        WritePlan(StageFiles.Write(set!, plan, Root));
    }

    public string Root => _folder.Path;

    public string ModelPath { get; }

    public OnnxModel Model { get; }

    public string PlanPath { get; }

    public PartitionPlan Plan { get; private set; } = null!;

    /// <summary>Writes <c>block.onnx</c> from <paramref name="builder"/>, plans it cut after each position in
    /// <paramref name="cuts"/>, and writes the stages and the plan.</summary>
    public static PlanFolder Create(OnnxModelBuilder builder, params int[] cuts) => new(builder, cuts);

    public string StagePath(int stage) => Path.Combine(Root, Plan.Stages[stage].File);

    /// <summary>Writes <paramref name="plan"/> as the plan file.</summary>
    public void WritePlan(PartitionPlan plan)
    {
        Plan = plan;
        File.WriteAllBytes(PlanPath, PlanJsonWriter.Write(plan));
    }

    public void EditPlanStage(int stage, Func<PlanStage, PlanStage> edit) =>
        WritePlan(Plan with { Stages = Plan.Stages.Select((s, i) => i == stage ? edit(s) : s).ToEquatableArray() });

    /// <summary>Replaces a stage file's bytes and records their sha256 in the plan, as a faulty emitter would.</summary>
    public void ReplaceStageBytes(int stage, byte[] bytes)
    {
        File.WriteAllBytes(StagePath(stage), bytes);
        EditPlanStage(stage, s => s with { Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)) });
    }

    /// <summary>
    /// Replaces a stage file with the same stage built from <paramref name="other"/> (same structure, other weights) and
    /// records its hash in the plan: a stage that loads and runs but computes something else.
    /// </summary>
    public void ReplaceStageWithOneOf(OnnxModelBuilder other, int stage)
    {
        var diagnostics = new DiagnosticBag();
        var model = OnnxModelReader.Read(other.ToBytes(), "other.onnx", Root, diagnostics)!;
        var built = SubModelBuilder.Build(model, Plan, diagnostics)!.Stages[stage];
        using var bytes = new MemoryStream();
        built.WriteTo(bytes);
        ReplaceStageBytes(stage, bytes.ToArray());
    }

    /// <summary>The 1-based line of the value at <paramref name="jsonPath"/> (<c>$.stages[1].sha256</c>) in the plan file.</summary>
    public int? LineOf(string jsonPath) => PlanJsonLocator.FromJson(PlanPath, File.ReadAllBytes(PlanPath)).Locate(jsonPath)?.Line;

    public void Dispose() => _folder.Dispose();
}
