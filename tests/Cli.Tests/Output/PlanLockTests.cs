using System.Text;
using PartitionCompiler.Cli.Output;
using PartitionCompiler.Partitioning.Diagnostics;

namespace PartitionCompiler.Cli.Tests.Output;

public sealed class PlanLockTests
{
    private const string Solved = "{\n  \"formatVersion\": 1,\n  \"stages\": [\n    { \"index\": 0, \"device\": \"glasses\" },\n    { \"index\": 1, \"device\": \"phone\" }\n  ]\n}\n";

    private static readonly byte[] SolvedBytes = Encoding.UTF8.GetBytes(Solved);

    private static (DiagnosticBag Bag, OutputRun Run) NewRun(TempFolder temp)
    {
        var bag = new DiagnosticBag();
        return (bag, new OutputRun(temp.File("work", "outputs.txt"), [temp.File("work")], bag));
    }

    [Fact]
    public void Locked_mode_with_no_plan_is_PC0502_at_the_plan_and_writes_nothing()
    {
        using var temp = new TempFolder();
        string plan = temp.File("detector.plan.json");
        (DiagnosticBag bag, OutputRun run) = NewRun(temp);

        bool written = PlanLock.Emit(PlanMode.Locked, plan, SolvedBytes, run, bag);

        Assert.False(written);
        Diagnostic diagnostic = Assert.Single(bag.Items);
        Assert.Equal("PC0502", diagnostic.Code);
        Assert.Equal(plan, diagnostic.Location?.Path);
        Assert.Null(diagnostic.Location?.Line);
        Assert.Contains("PartitionPlanMode=Update", diagnostic.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(plan));
        Assert.Empty(run.Produced);
    }

    [Fact]
    public void Locked_mode_with_drift_is_PC0501_at_the_line_and_column_of_the_first_difference()
    {
        using var temp = new TempFolder();
        string plan = temp.File("detector.plan.json");
        string committed = Solved.Replace("\"phone\"", "\"cloud\"", StringComparison.Ordinal);
        File.WriteAllText(plan, committed);
        (DiagnosticBag bag, OutputRun run) = NewRun(temp);

        PlanLock.Emit(PlanMode.Locked, plan, SolvedBytes, run, bag);

        Diagnostic diagnostic = Assert.Single(bag.Items);
        Assert.Equal("PC0501", diagnostic.Code);
        Assert.Equal(new SourceLocation(plan, 5, 29), diagnostic.Location);
        Assert.Contains("$.stages[1].device", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("\"cloud\"", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("commit the plan", diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal(committed, File.ReadAllText(plan));
        Assert.StartsWith($"{plan}(5,29): error PC0501: plan 'detector.plan.json' is out of date", diagnostic.ToCanonicalString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Locked_mode_accepts_a_plan_equal_as_JSON_and_records_it()
    {
        using var temp = new TempFolder();
        string plan = temp.File("detector.plan.json");
        File.WriteAllText(plan, "\uFEFF{\"stages\":[{\"device\":\"glasses\",\"index\":0},{\"device\":\"phone\",\"index\":1}],\r\n\"formatVersion\":1.0}");
        (DiagnosticBag bag, OutputRun run) = NewRun(temp);

        PlanLock.Emit(PlanMode.Locked, plan, SolvedBytes, run, bag);

        Assert.Empty(bag.Items);
        Assert.Equal([new OutputEntry(OutputKind.Plan, plan)], run.Produced);
    }

    [Fact]
    public void Locked_mode_with_a_plan_that_is_not_JSON_is_PC0501_at_the_syntax_error()
    {
        using var temp = new TempFolder();
        string plan = temp.File("detector.plan.json");
        File.WriteAllText(plan, "{\n  \"formatVersion\": 1,\n  <<<<<<< HEAD\n}");
        (DiagnosticBag bag, OutputRun run) = NewRun(temp);

        PlanLock.Emit(PlanMode.Locked, plan, SolvedBytes, run, bag);

        Diagnostic diagnostic = Assert.Single(bag.Items);
        Assert.Equal("PC0501", diagnostic.Code);
        Assert.Equal(3, diagnostic.Location?.Line);
        Assert.Contains("not valid JSON", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Update_mode_never_rewrites_a_plan_equal_as_JSON()
    {
        using var temp = new TempFolder();
        string plan = temp.File("detector.plan.json");
        string crlf = Solved.Replace("\n", "\r\n", StringComparison.Ordinal);
        File.WriteAllText(plan, crlf);
        File.SetLastWriteTimeUtc(plan, new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        (DiagnosticBag bag, OutputRun run) = NewRun(temp);

        bool written = PlanLock.Emit(PlanMode.Update, plan, SolvedBytes, run, bag);

        Assert.False(written);
        Assert.Empty(bag.Items);
        Assert.Equal(crlf, File.ReadAllText(plan));
        Assert.Equal(2001, File.GetLastWriteTimeUtc(plan).Year);
        Assert.Equal([new OutputEntry(OutputKind.Plan, plan)], run.Produced);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("{\"formatVersion\": 1, \"stages\": []}")]
    [InlineData("not json at all")]
    public void Update_mode_writes_a_missing_changed_or_broken_plan(string? onDisk)
    {
        using var temp = new TempFolder();
        string plan = temp.File("detector.plan.json");
        if (onDisk is not null)
        {
            File.WriteAllText(plan, onDisk);
        }

        (DiagnosticBag bag, OutputRun run) = NewRun(temp);

        bool written = PlanLock.Emit(PlanMode.Update, plan, SolvedBytes, run, bag);

        Assert.True(written);
        Assert.Empty(bag.Items);
        Assert.Equal(Solved, File.ReadAllText(plan));
        Assert.Equal([new OutputEntry(OutputKind.Plan, plan)], run.Produced);
    }
}
