using PartitionCompiler.Codegen.Emit;
using PartitionCompiler.Codegen.Spec;

namespace PartitionCompiler.Codegen.Tests.Emit;

public sealed class GeneratedCodeCompilesTests
{
    [Fact]
    public void Three_device_plan_compiles_without_warnings()
    {
        var files = Emit(TestPlans.ThreeDevices());

        Assert.Empty(GeneratedCodeCompiler.Problems(GeneratedCodeCompiler.Compile(files)));
        Assert.Empty(GeneratedCodeCompiler.Problems(GeneratedCodeCompiler.Compile(files, strict: true)));
    }

    [Fact]
    public void Compiler_setup_reports_a_missing_doc_comment_and_a_nullable_warning()
    {
        // The checks above are only as strict as this setup: prove it flags what generated code must avoid.
        const string sloppy = "namespace N; public static class C { public static string F(string? s) => s; }";
        var compilation = GeneratedCodeCompiler.Compile([], strict: true, sloppy);

        string[] problems = GeneratedCodeCompiler.Problems(compilation);

        Assert.Contains(problems, p => p.Contains("CS1591", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("CS8603", StringComparison.Ordinal));
    }

    internal static IReadOnlyList<GeneratedFile> Emit(Partitioning.Plan.PartitionPlan plan)
    {
        var result = CodegenSpecBuilder.Build(plan, TestPlans.ThreeDevicesManifest(), "MyApp.Partitions", "DetectorPlan");
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        return StubEmitter.Emit(result.Spec!);
    }
}
