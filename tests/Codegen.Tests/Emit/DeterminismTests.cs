using System.Text;
using PartitionCompiler.Codegen.Emit;
using PartitionCompiler.Codegen.Spec;

namespace PartitionCompiler.Codegen.Tests.Emit;

public sealed class DeterminismTests
{
    [Fact]
    public void Emitting_a_spec_twice_gives_identical_bytes()
    {
        var spec = CodegenSpecBuilder.Build(HostilePlans.Plan(), HostilePlans.Manifest(), "Hostile.Partitions", "HostilePlan").Spec!;

        var first = StubEmitter.Emit(spec);
        var second = StubEmitter.Emit(spec);

        Assert.Equal(first.Select(f => f.HintName), second.Select(f => f.HintName));
        Assert.Equal(first.Select(f => Encoding.UTF8.GetBytes(f.Text)), second.Select(f => Encoding.UTF8.GetBytes(f.Text)));
    }

    [Fact]
    public void Files_have_fixed_names_and_unix_line_ends()
    {
        var files = GeneratedCodeCompilesTests.Emit(TestPlans.ThreeDevices());

        Assert.Equal(["DetectorPlan.g.cs", "DetectorPlan.Stage0.g.cs", "DetectorPlan.Stage1.g.cs", "DetectorPlan.Stage2.g.cs"], files.Select(f => f.HintName));
        Assert.All(files, f => Assert.DoesNotContain('\r', f.Text));
        Assert.All(files, f => Assert.EndsWith("}\n", f.Text, StringComparison.Ordinal));
        Assert.All(files, f => Assert.DoesNotContain("\n\n\n", f.Text, StringComparison.Ordinal));
        Assert.All(files, f => Assert.DoesNotContain(" \n", f.Text, StringComparison.Ordinal));
    }
}
