using System.Text.Json;

namespace PartitionCompiler.EndToEnd.Tests.Build;

/// <summary>
/// A consumer of the packed PartitionCompiler package, built the way a developer does: the first build runs the CLI,
/// a second one does nothing, touching the manifest re-runs the CLI but not the compiler, design-time builds never
/// run it, changes of the device list reach bin/ and publish/, and clean keeps the checked-in plan.
/// </summary>
[Collection(PackedFeedCollection.Name)]
public sealed class IncrementalBuildTests(PackedFeed feed)
{
    private const string CliRan = "fake-partc: planning";
    private const string RunSkipped = "Skipping target \"_PartitionCompiler_Run\" because all output files are up-to-date";
    private const string CompileSkipped = "Skipping target \"CoreCompile\" because all output files are up-to-date";

    [Fact]
    public void First_build_runs_the_cli_with_absolute_paths_and_compiles_and_copies_its_outputs()
    {
        feed.EnsurePacked();
        var app = new Consumer(feed, "first-build");

        DotnetResult build = app.Build().Succeeded().WithoutToolNoise();

        Assert.Equal(1, build.Lines(CliRan));
        string obj = app.WorkFolder;
        Assert.Equal(1, build.Lines(
            $"exec {BuildPaths.FakeCli} plan {app.Manifest} --model {Path.Combine(app.Folder, "models", "detector.onnx")} "
            + $"--plan {app.Plan} --stages {Path.Combine(obj, "models")} --generated {Path.Combine(obj, "generated")} "
            + $"--namespace Consumer --class-name DetectorPlan --mode update --outputs-list {Path.Combine(obj, "outputs.txt")}"));
        Assert.True(File.Exists(app.Plan), "the plan is written beside the manifest");
        Assert.Equal("stages=2 files=glasses/detector.stage0.onnx,phone/detector.stage1.onnx\n", app.Run().Succeeded().Output);
        foreach (string stage in new[] { "glasses/detector.stage0.onnx", "phone/detector.stage1.onnx" })
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(obj, "models", stage)), File.ReadAllBytes(Path.Combine(app.OutputFolder, "partitions", stage)));
        }

        DotnetResult publish = app.Other("publish", "--no-build", "-o", Path.Combine(app.Folder, "published")).Succeeded();
        Assert.True(File.Exists(Path.Combine(app.Folder, "published", "partitions", "phone", "detector.stage1.onnx")), publish.Output);
    }

    [Fact]
    public void Second_build_skips_the_partition_target_and_CoreCompile_and_a_touched_manifest_reruns_only_the_cli()
    {
        feed.EnsurePacked();
        var app = new Consumer(feed, "incremental");
        app.Build().Succeeded();
        DateTime stamp = File.GetLastWriteTimeUtc(app.Stamp);
        DateTime code = File.GetLastWriteTimeUtc(app.GeneratedCode);
        DateTime plan = File.GetLastWriteTimeUtc(app.Plan);

        DotnetResult second = app.Build().Succeeded();

        Assert.Equal(0, second.Lines(CliRan));
        Assert.Equal(1, second.Lines(RunSkipped));
        Assert.Equal(1, second.Lines(CompileSkipped));
        Assert.Equal(stamp, File.GetLastWriteTimeUtc(app.Stamp));

        File.SetLastWriteTimeUtc(app.Manifest, DateTime.UtcNow);
        DotnetResult touched = app.Build().Succeeded();

        Assert.Equal(1, touched.Lines(CliRan));
        Assert.Equal(0, touched.Lines(RunSkipped));
        Assert.Equal(1, touched.Lines(CompileSkipped));
        Assert.Equal(code, File.GetLastWriteTimeUtc(app.GeneratedCode));
        Assert.Equal(plan, File.GetLastWriteTimeUtc(app.Plan));
    }

    [Fact]
    public void Design_time_build_never_runs_the_cli_but_lists_the_generated_code()
    {
        feed.EnsurePacked();
        var app = new Consumer(feed, "design-time");
        app.Build().Succeeded();
        DateTime stamp = File.GetLastWriteTimeUtc(app.Stamp);
        File.WriteAllText(app.Manifest, Consumer.ThreeDevices); // out of date now: a real build would run the CLI
        string itemsFile = Path.Combine(app.Folder, "compile-items.json");

        DotnetResult designTime = app.DesignTimeBuild(itemsFile).Succeeded();

        Assert.Equal(0, designTime.Lines(CliRan));
        Assert.Equal(stamp, File.GetLastWriteTimeUtc(app.Stamp));
        using JsonDocument items = JsonDocument.Parse(File.ReadAllText(itemsFile));
        Assert.Contains(app.GeneratedCode, items.RootElement.GetProperty("Items").GetProperty("Compile").EnumerateArray()
            .Select(item => item.GetProperty("FullPath").GetString()));

        Assert.Equal(1, app.Build().Succeeded().Lines(CliRan));
    }

    [Fact]
    public void Device_changes_reach_the_output_folder_and_stale_stage_files_are_removed()
    {
        feed.EnsurePacked();
        var app = new Consumer(feed, "devices", Consumer.ThreeDevices);
        app.Build().Succeeded();
        string cloudStage = Path.Combine("cloud", "detector.stage2.onnx");
        Assert.True(File.Exists(Path.Combine(app.OutputFolder, "partitions", cloudStage)));
        Assert.StartsWith("stages=3 ", app.Run().Succeeded().Output, StringComparison.Ordinal);

        File.WriteAllText(app.Manifest, Consumer.TwoDevices);
        app.Build().Succeeded();

        Assert.StartsWith("stages=2 ", app.Run().Succeeded().Output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(app.WorkFolder, "models", cloudStage)), "the CLI deletes what it no longer produces");
        Assert.False(File.Exists(Path.Combine(app.OutputFolder, "partitions", cloudStage)), "incremental clean removes the stale copy");
    }

    [Fact]
    public void Clean_removes_the_generated_files_but_keeps_the_checked_in_plan()
    {
        feed.EnsurePacked();
        var app = new Consumer(feed, "clean");
        app.Build().Succeeded();
        string plan = File.ReadAllText(app.Plan);

        app.Other("clean").Succeeded();

        Assert.Equal(plan, File.ReadAllText(app.Plan));
        Assert.False(File.Exists(app.GeneratedCode));
        Assert.False(File.Exists(app.Stamp));
        Assert.False(File.Exists(Path.Combine(app.WorkFolder, "outputs.txt")));
        Assert.False(File.Exists(Path.Combine(app.OutputFolder, "partitions", "glasses", "detector.stage0.onnx")));
    }
}
