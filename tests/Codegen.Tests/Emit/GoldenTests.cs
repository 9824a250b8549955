using PartitionCompiler.TestSupport;

namespace PartitionCompiler.Codegen.Tests.Emit;

/// <summary>
/// The generated code of one three-device plan, compared with <c>Golden/*.g.cs.txt</c>. To accept a deliberate change:
/// <c>PARTITIONCOMPILER_UPDATE_GOLDEN=1 dotnet test tests/Codegen.Tests</c>, then review and commit the diff.
/// </summary>
public sealed class GoldenTests
{
    [Fact]
    public void Three_device_plan_matches_its_baselines()
    {
        var files = GeneratedCodeCompilesTests.Emit(TestPlans.ThreeDevices());

        GoldenFiles.In("tests/Codegen.Tests/Golden", ".txt")
            .CheckAll("DetectorPlan.", [.. files.Select(f => (f.HintName, f.Text))]);
    }
}
