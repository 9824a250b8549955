namespace PartitionCompiler.EndToEnd.Tests.Build;

/// <summary>What the targets pass to the CLI for each item: the plan's default name and place, metadata overrides,
/// the default class name, the verify switch, and the manifest's profiles as inputs of the incremental build.</summary>
[Collection(PackedFeedCollection.Name)]
public sealed class TargetsTests(PackedFeed feed)
{
    private const string Manifest = "{ \"devices\": [ { \"name\": \"glasses\" }, { \"name\": \"phone\" } ] }\n";

    [Theory]
    [InlineData("detector.devices.json", "detector.plan.json")]
    [InlineData("config/rig.json", "config/rig.plan.json")]
    [InlineData("rig.DEVICES.JSON", "rig.plan.json")]
    [InlineData("a.devices.b.json", "a.devices.b.plan.json")]
    [InlineData("glasses.devices", "glasses.plan.json")]
    public void The_plan_defaults_to_the_manifest_name_without_json_and_devices_beside_the_manifest(string manifest, string plan)
    {
        feed.EnsurePacked();
        var project = new LightProject(feed, $"plan-name-{manifest.Replace('/', '-')}",
            $"<PartitionModel Include=\"m.onnx\" Manifest=\"{manifest}\" />");
        project.Write("m.onnx", "model");
        project.Write(manifest, Manifest);

        DotnetResult result = project.Partition().Succeeded();

        Assert.Equal(Path.Combine(project.Folder, plan), LightProject.Option(result, "--plan"));
        Assert.True(File.Exists(Path.Combine(project.Folder, plan)));
    }

    [Fact]
    public void Plan_namespace_and_class_name_metadata_override_the_defaults()
    {
        feed.EnsurePacked();
        var project = new LightProject(feed, "metadata",
            "<PartitionModel Include=\"models/m.onnx\" Manifest=\"m.devices.json\" Plan=\"plans/custom.plan.json\" Namespace=\"My.Generated\" ClassName=\"Custom\" />");
        project.Write("models/m.onnx", "model");
        project.Write("m.devices.json", Manifest);

        DotnetResult result = project.Partition().Succeeded();

        Assert.Equal(Path.Combine(project.Folder, "plans", "custom.plan.json"), LightProject.Option(result, "--plan"));
        Assert.Equal("My.Generated", LightProject.Option(result, "--namespace"));
        Assert.Equal("Custom", LightProject.Option(result, "--class-name"));
        Assert.True(File.Exists(Path.Combine(project.Folder, "obj", "partition", "m", "generated", "Custom.g.cs")));
    }

    [Theory]
    [InlineData("detector", "DetectorPlan")]
    [InlineData("light_bvlc-alexnet", "LightBvlcAlexnetPlan")]
    [InlineData("3d.unet", "_3dUnetPlan")]
    public void The_class_name_defaults_to_the_PascalCase_model_stem_plus_Plan(string stem, string className)
    {
        feed.EnsurePacked();
        var project = new LightProject(feed, $"class-{stem}", $"<PartitionModel Include=\"{stem}.onnx\" Manifest=\"m.devices.json\" />");
        project.Write($"{stem}.onnx", "model");
        project.Write("m.devices.json", Manifest);

        DotnetResult result = project.Partition().Succeeded();

        Assert.Equal(className, LightProject.Option(result, "--class-name"));
        Assert.Equal("Light.App", LightProject.Option(result, "--namespace"));
        Assert.Equal("update", LightProject.Option(result, "--mode"));
        Assert.Equal(0, result.Lines("--verify"));
    }

    [Fact]
    public void PartitionVerify_passes_verify_and_changing_a_setting_reruns_the_cli()
    {
        feed.EnsurePacked();
        var project = new LightProject(feed, "verify", "<PartitionModel Include=\"m.onnx\" Manifest=\"m.devices.json\" />");
        project.Write("m.onnx", "model");
        project.Write("m.devices.json", Manifest);
        project.Partition().Succeeded();
        Assert.Equal(1, project.Partition().Succeeded().Lines("Skipping target \"_PartitionCompiler_Run\""));

        DotnetResult result = project.Partition("-p:PartitionVerify=true").Succeeded();

        Assert.Equal(1, result.Lines("--outputs-list " + Path.Combine(project.Folder, "obj", "partition", "m", "outputs.txt") + " --verify"));
        Assert.Equal(1, result.Lines("fake-partc: planning"));
    }

    [Fact]
    public void A_changed_device_profile_reruns_the_partition_target()
    {
        feed.EnsurePacked();
        var project = new LightProject(feed, "profiles", "<PartitionModel Include=\"m.onnx\" Manifest=\"config/m.devices.json\" />");
        project.Write("m.onnx", "model");
        project.Write("config/m.devices.json", """
            {
              "devices": [
                { "name": "glasses" },
                // { "name": "old", "profile": "profiles/never-there.json" },
                { "name": "phone", "profile": "profiles/phone.profile.json" }
              ]
            }
            """);
        string profile = project.Write("config/profiles/phone.profile.json", "{ \"formatVersion\": 1 }");
        project.Partition().Succeeded();
        Assert.Equal(1, project.Partition().Succeeded().Lines("Skipping target \"_PartitionCompiler_Run\""));

        File.SetLastWriteTimeUtc(profile, DateTime.UtcNow.AddSeconds(5));
        DotnetResult rerun = project.Partition().Succeeded();

        Assert.Equal(0, rerun.Lines("Skipping target \"_PartitionCompiler_Run\""));
        Assert.Equal(1, rerun.Lines("fake-partc: planning"));
    }
}
