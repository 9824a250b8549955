using System.Text.RegularExpressions;

namespace PartitionCompiler.EndToEnd.Tests.Build;

/// <summary>
/// Plan lock: <c>ContinuousIntegrationBuild=true</c> selects locked mode, which never writes the plan and fails with
/// PC0502 (missing) or PC0501 (drift, at the plan's line and column); an explicit <c>PartitionPlanMode=Update</c> wins.
/// </summary>
[Collection(PackedFeedCollection.Name)]
public sealed partial class LockedModeTests(PackedFeed feed)
{
    [Fact]
    public void Continuous_integration_build_without_a_plan_is_PC0502_at_the_plan()
    {
        feed.EnsurePacked();
        var app = new Consumer(feed, "locked-missing");

        DotnetResult build = app.Build("-p:ContinuousIntegrationBuild=true").Failed().WithoutToolNoise();

        Assert.Equal(1, build.Lines("--mode locked"));
        Assert.Contains($"{app.Plan} : error PC0502: plan 'detector.plan.json' does not exist", build.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(app.Plan));
    }

    [Fact]
    public void Continuous_integration_build_with_drift_is_PC0501_at_the_differing_line_and_never_rewrites_the_plan()
    {
        feed.EnsurePacked();
        var app = new Consumer(feed, "locked-drift");
        app.Build().Succeeded();
        DotnetResult upToDate = app.Build("-p:ContinuousIntegrationBuild=true").Succeeded();
        Assert.Equal(1, upToDate.Lines("(mode locked)")); // a mode change re-runs the CLI; the committed plan matches
        string committed = File.ReadAllText(app.Plan);
        File.WriteAllText(app.Manifest, Consumer.ThreeDevices);

        DotnetResult build = app.Build("-p:ContinuousIntegrationBuild=true").Failed().WithoutToolNoise();

        Match error = Drift().Match(build.Output);
        Assert.True(error.Success, build.Output);
        Assert.Equal(app.Plan, error.Groups["file"].Value);
        int line = int.Parse(error.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains("\"manifestSha256\"", committed.Split('\n')[line - 1], StringComparison.Ordinal);
        Assert.Equal(committed, File.ReadAllText(app.Plan));

        app.Build("-p:ContinuousIntegrationBuild=true", "-p:PartitionPlanMode=Update").Succeeded();
        Assert.NotEqual(committed, File.ReadAllText(app.Plan));
    }

    [GeneratedRegex(@"^\s*(?:\d+>)?(?<file>\S+detector\.plan\.json)\((?<line>\d+),(?<column>\d+)\): error PC0501: plan 'detector\.plan\.json' is out of date: at \$\.manifestSha256 ", RegexOptions.Multiline)]
    private static partial Regex Drift();
}
