using PartitionCompiler.Cli.Output;
using PartitionCompiler.Partitioning.Diagnostics;

namespace PartitionCompiler.Cli.Tests.Output;

public sealed class OutputRunTests
{
    [Fact]
    public void Complete_writes_the_outputs_list_of_everything_produced()
    {
        using var temp = new TempFolder();
        var bag = new DiagnosticBag();
        var run = new OutputRun(temp.File("work", "outputs.txt"), [temp.File("work")], bag);

        run.WriteText(OutputKind.Compile, temp.File("work", "gen", "XPlan.g.cs"), "class X {}\n");
        run.Write(OutputKind.Model, temp.File("work", "models", "glasses", "x.stage0.onnx"), [1, 2, 3]);
        run.Keep(OutputKind.Plan, temp.File("x.plan.json"));
        run.Complete();

        Assert.Empty(bag.Items);
        Assert.Equal(
            [OutputKind.Plan, OutputKind.Model, OutputKind.Compile],
            OutputsList.Read(temp.File("work", "outputs.txt")).OrderBy(e => e.Kind).Select(e => e.Kind));
    }

    [Fact]
    public void Files_the_previous_run_listed_but_this_run_did_not_produce_are_deleted_with_their_empty_folder()
    {
        using var temp = new TempFolder();
        string list = temp.File("work", "outputs.txt");
        string models = temp.File("work", "models");
        string kept = temp.File("work", "models", "glasses", "x.stage0.onnx");
        string stale = temp.File("work", "models", "cloud", "x.stage1.onnx");

        var first = new OutputRun(list, [models], new DiagnosticBag());
        first.Write(OutputKind.Model, kept, [0]);
        first.Write(OutputKind.Model, stale, [1]);
        first.Complete();

        var second = new OutputRun(list, [models], new DiagnosticBag());
        second.Write(OutputKind.Model, kept, [0]);
        IReadOnlyList<string> deleted = second.Complete();

        Assert.Equal([Path.GetFullPath(stale)], deleted);
        Assert.False(File.Exists(stale));
        Assert.False(Directory.Exists(temp.File("work", "models", "cloud")));
        Assert.True(File.Exists(kept));
        Assert.True(Directory.Exists(models));
        Assert.Equal([new OutputEntry(OutputKind.Model, Path.GetFullPath(kept))], OutputsList.Read(list));
    }

    [Fact]
    public void Files_outside_the_owned_folders_and_plans_are_never_deleted()
    {
        using var temp = new TempFolder();
        string list = temp.File("work", "outputs.txt");
        string outside = temp.File("elsewhere", "important.txt");
        string plan = temp.File("work", "models", "x.plan.json");
        Directory.CreateDirectory(temp.File("elsewhere"));
        Directory.CreateDirectory(temp.File("work", "models"));
        File.WriteAllText(outside, "keep me");
        File.WriteAllText(plan, "{}");
        File.WriteAllText(list, OutputsList.Format([new OutputEntry(OutputKind.Compile, outside), new OutputEntry(OutputKind.Plan, plan)]));

        var run = new OutputRun(list, [temp.File("work", "models")], new DiagnosticBag());
        IReadOnlyList<string> deleted = run.Complete();

        Assert.Empty(deleted);
        Assert.True(File.Exists(outside));
        Assert.True(File.Exists(plan));
    }

    [Fact]
    public void A_run_with_errors_deletes_nothing_and_keeps_the_previous_list()
    {
        using var temp = new TempFolder();
        string list = temp.File("work", "outputs.txt");
        string stage = temp.File("work", "models", "glasses", "x.stage0.onnx");
        var first = new OutputRun(list, [temp.File("work")], new DiagnosticBag());
        first.Write(OutputKind.Model, stage, [0]);
        first.Complete();
        string before = File.ReadAllText(list);

        var bag = new DiagnosticBag();
        var second = new OutputRun(list, [temp.File("work")], bag);
        bag.Add(DiagnosticCatalog.PlanMissing, null, "x.plan.json");
        IReadOnlyList<string> deleted = second.Complete();

        Assert.Empty(deleted);
        Assert.True(File.Exists(stage));
        Assert.Equal(before, File.ReadAllText(list));
    }

    [Fact]
    public void A_file_that_cannot_be_written_is_PC0503_naming_it()
    {
        using var temp = new TempFolder();
        string blocked = temp.File("work", "XPlan.g.cs");
        Directory.CreateDirectory(blocked); // a folder where the file should go
        var bag = new DiagnosticBag();
        var run = new OutputRun(temp.File("work", "outputs.txt"), [temp.File("work")], bag);

        bool written = run.WriteText(OutputKind.Compile, blocked, "class X {}");
        run.Complete();

        Assert.False(written);
        Diagnostic diagnostic = Assert.Single(bag.Items);
        Assert.Equal("PC0503", diagnostic.Code);
        Assert.Equal(Path.GetFullPath(blocked), diagnostic.Location?.Path);
        Assert.Contains("cannot write", diagnostic.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(temp.File("work", "outputs.txt")));
    }

    [Fact]
    public void An_unchanged_run_rewrites_nothing()
    {
        using var temp = new TempFolder();
        string list = temp.File("work", "outputs.txt");
        string code = temp.File("work", "gen", "XPlan.g.cs");
        for (int i = 0; i < 2; i++)
        {
            var run = new OutputRun(list, [temp.File("work")], new DiagnosticBag());
            bool written = run.WriteText(OutputKind.Compile, code, "class X {}\n");
            run.Complete();
            Assert.Equal(i == 0, written);
            if (i == 0)
            {
                File.SetLastWriteTimeUtc(code, new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc));
                File.SetLastWriteTimeUtc(list, new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc));
            }
        }

        Assert.Equal(2001, File.GetLastWriteTimeUtc(code).Year);
        Assert.Equal(2001, File.GetLastWriteTimeUtc(list).Year);
    }
}
