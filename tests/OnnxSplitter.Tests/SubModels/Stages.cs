using PartitionCompiler.OnnxSplitter.Proto;
using PartitionCompiler.OnnxSplitter.Reading;
using PartitionCompiler.OnnxSplitter.SubModels;
using PartitionCompiler.OnnxSplitter.Verification;
using PartitionCompiler.Partitioning.Diagnostics;
using PartitionCompiler.Partitioning.Plan;
using PartitionCompiler.TestSupport;
using PartitionCompiler.TestSupport.Partitions;

namespace PartitionCompiler.OnnxSplitter.Tests.SubModels;

/// <summary>Reading test models, building their stages and proving them, with every diagnostic shown on failure.</summary>
internal static class Stages
{
    /// <summary>The model the builder describes, read from memory (no external data).</summary>
    public static OnnxModel Read(OnnxModelBuilder builder, string name = "model.onnx")
    {
        var diagnostics = new DiagnosticBag();
        var model = OnnxModelReader.Read(builder.ToBytes(), name, Path.GetTempPath(), diagnostics);
        Assert.True(model is not null, Describe(diagnostics));
        return model!;
    }

    /// <summary>The model file at <paramref name="path"/>.</summary>
    public static OnnxModel ReadFile(string path)
    {
        var diagnostics = new DiagnosticBag();
        var model = OnnxModelReader.Read(path, diagnostics);
        Assert.True(model is not null, Describe(diagnostics));
        return model!;
    }

    /// <summary>Builds every stage; the build must succeed.</summary>
    public static SubModelSet Build(OnnxModel model, PartitionPlan plan)
    {
        var diagnostics = new DiagnosticBag();
        var set = SubModelBuilder.Build(model, plan, diagnostics);
        Assert.True(set is not null && !diagnostics.HasErrors, Describe(diagnostics));
        return set!;
    }

    /// <summary>The stage's sub-model message, parsed back from its bytes.</summary>
    public static ModelProto Parse(StageModelFile stage) => ModelProto.Parser.ParseFrom(stage.Content.Span);

    /// <summary>Builds the plan's stages and proves them in memory; the proof must pass.</summary>
    public static VerificationReport Prove(OnnxModel model, PartitionPlan plan, VerificationOptions? options = null)
    {
        var set = Build(model, plan);
        var diagnostics = new DiagnosticBag();
        var report = PlanVerifier.Verify(model, plan, set, options ?? new VerificationOptions(), diagnostics);
        Assert.True(report is { Passed: true } && !diagnostics.HasErrors, Describe(diagnostics));
        return report!;
    }

    public static string Describe(DiagnosticBag diagnostics) => string.Join("\n", diagnostics.Items);

    /// <summary>A plan over the model cut after each position in <paramref name="cuts"/>.</summary>
    public static PartitionPlan Plan(OnnxModel model, params int[] cuts) => new CutPlans(model).Plan(cuts);
}
