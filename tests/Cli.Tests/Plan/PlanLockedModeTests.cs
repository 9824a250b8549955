using PartitionCompiler.Cli.Output;
using PartitionCompiler.TestSupport;

namespace PartitionCompiler.Cli.Tests.Plan;

/// <summary><c>partc plan --mode locked</c>: compares with the committed plan, never writes it (PC0501, PC0502).</summary>
public sealed class PlanLockedModeTests : IDisposable
{
    private readonly PlanWorkspace _work = new();

    public void Dispose() => _work.Dispose();

    private string[] Args(string manifest) =>
        [manifest, "--mode", "locked", "--stages", _work.File("obj/models"), "--generated", _work.File("obj/generated"), "--outputs-list", _work.File("obj/outputs.txt")];

    private string Project()
    {
        _work.WriteModel("models/detector.onnx", ModelRecipes.SqueezeNet11(WeightStyle.ConstantOfShape));
        return _work.Write("detector.devices.json", PlanManifests.Rig("models/detector.onnx"));
    }

    [Fact]
    public void PC0502_locked_mode_without_a_plan_fails_and_writes_nothing()
    {
        string manifest = Project();

        var result = PlanWorkspace.Plan(Args(manifest));

        result.FailsWith("PC0502");
        string plan = Path.GetFullPath(_work.File("detector.plan.json"));
        Assert.StartsWith($"{plan}: error PC0502: plan 'detector.plan.json' does not exist", result.StderrLines[0]);
        Assert.False(File.Exists(plan));
        Assert.False(Directory.Exists(_work.File("obj")));
    }

    [Fact]
    public void Locked_mode_with_the_solved_plan_succeeds_emits_the_rest_and_leaves_the_plan_alone()
    {
        string manifest = Project();
        Assert.Equal(0, PlanWorkspace.Plan(manifest).ExitCode);
        string plan = _work.File("detector.plan.json");
        var old = new DateTime(2001, 2, 3, 4, 5, 6, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(plan, old);

        var result = PlanWorkspace.Plan(Args(manifest));

        Assert.Equal((0, ""), (result.ExitCode, result.Stderr));
        Assert.Contains("matches the solved plan (locked)", result.Stdout);
        Assert.Equal(old, File.GetLastWriteTimeUtc(plan));
        var outputs = OutputsList.Read(_work.File("obj/outputs.txt"));
        Assert.Contains(new OutputEntry(OutputKind.Plan, Path.GetFullPath(plan)), outputs);
        Assert.Contains(outputs, e => e.Kind == OutputKind.Model);
        Assert.Contains(outputs, e => e.Kind == OutputKind.Compile);
    }

    [Fact]
    public void PC0501_drift_points_at_the_first_differing_value_and_nothing_is_written()
    {
        string manifest = Project();
        Assert.Equal(0, PlanWorkspace.Plan(manifest).ExitCode);
        string plan = _work.File("detector.plan.json");
        string[] lines = File.ReadAllLines(plan);
        int line = Array.FindIndex(lines, l => l.Contains("\"device\": \"glasses\"", StringComparison.Ordinal));
        lines[line] = lines[line].Replace("glasses", "cloud", StringComparison.Ordinal);
        File.WriteAllText(plan, string.Join("\n", lines) + "\n");
        byte[] edited = File.ReadAllBytes(plan);

        var result = PlanWorkspace.Plan(Args(manifest));

        result.FailsWith("PC0501");
        int column = lines[line].IndexOf("\"cloud\"", StringComparison.Ordinal) + 1;
        Assert.StartsWith($"{Path.GetFullPath(plan)}({line + 1},{column}): error PC0501: plan 'detector.plan.json' is out of date: at $.stages[0].device the plan has \"cloud\", the solved plan \"glasses\"",
            result.StderrLines[0]);
        Assert.Equal(edited, File.ReadAllBytes(plan));
        Assert.False(Directory.Exists(_work.File("obj")));
    }

    [Fact]
    public void Locked_mode_ignores_formatting_of_the_committed_plan()
    {
        string manifest = Project();
        Assert.Equal(0, PlanWorkspace.Plan(manifest).ExitCode);
        string plan = _work.File("detector.plan.json");
        File.WriteAllText(plan, File.ReadAllText(plan).Replace("\n", "\r\n", StringComparison.Ordinal).Replace("  ", "\t", StringComparison.Ordinal));

        Assert.Equal(0, PlanWorkspace.Plan(Args(manifest)).ExitCode);
    }
}
