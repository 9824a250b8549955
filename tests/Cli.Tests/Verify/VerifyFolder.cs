using PartitionCompiler.OnnxSplitter.Reading;
using PartitionCompiler.OnnxSplitter.SubModels;
using PartitionCompiler.Partitioning.Collections;
using PartitionCompiler.Partitioning.Diagnostics;
using PartitionCompiler.Partitioning.Plan;
using PartitionCompiler.TestSupport;
using PartitionCompiler.TestSupport.Partitions;

namespace PartitionCompiler.Cli.Tests.Verify;

/// <summary>A model, its plan and its stage files in a temp folder, laid out as <c>partc plan --out</c> leaves them.</summary>
internal sealed class VerifyFolder : IDisposable
{
    private readonly TempFolder _folder = new();

    public VerifyFolder(OnnxModelBuilder builder, params int[] cuts)
    {
        string modelPath = builder.WriteTo(_folder.File("block.onnx"));
        var diagnostics = new DiagnosticBag();
        var model = OnnxModelReader.Read(modelPath, diagnostics)!;
        var plan = new CutPlans(model).Plan(cuts);
        var stages = SubModelBuilder.Build(model, plan, diagnostics)!;
        foreach (var stage in stages.Stages)
        {
            using var file = File.Create(_folder.File(stage.RelativePath));
            stage.WriteTo(file);
        }

        Plan = stages.ApplyTo(plan);
        PlanPath = _folder.File("block.plan.json");
        File.WriteAllBytes(PlanPath, PlanJsonWriter.Write(Plan));
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
        using (var file = File.Create(StagePath(stage)))
        {
            built.WriteTo(file);
        }

        Plan = Plan with { Stages = Plan.Stages.Select((s, i) => i == stage ? s with { Sha256 = built.Sha256 } : s).ToEquatableArray() };
        File.WriteAllBytes(PlanPath, PlanJsonWriter.Write(Plan));
    }

    public string Root => _folder.Path;

    public string PlanPath { get; }

    public PartitionPlan Plan { get; private set; }

    public string StagePath(int stage) => Path.Combine(Root, Plan.Stages[stage].File);

    /// <summary>The 1-based line of the first line of the plan file that contains <paramref name="text"/>.</summary>
    public int LineOf(string text) => Array.FindIndex(File.ReadAllLines(PlanPath), l => l.Contains(text, StringComparison.Ordinal)) + 1;

    public void Dispose() => _folder.Dispose();
}
