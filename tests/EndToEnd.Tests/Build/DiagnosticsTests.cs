namespace PartitionCompiler.EndToEnd.Tests.Build;

/// <summary>
/// How problems reach MSBuild: the CLI's canonical lines become real errors and warnings with file, line and column,
/// and every problem the task or targets find themselves is a PC0090-PC0099 error naming the project; never MSB6006
/// or a stack trace.
/// </summary>
[Collection(PackedFeedCollection.Name)]
public sealed class DiagnosticsTests(PackedFeed feed)
{
    private const string Manifest = "{ \"devices\": [ { \"name\": \"glasses\" } ] }\n";

    [Fact]
    public void A_cli_error_is_an_msbuild_error_at_its_file_line_and_column()
    {
        feed.EnsurePacked();
        var project = new LightProject(feed, "cli-error", "<PartitionModel Include=\"m.onnx\" Manifest=\"m.devices.json\" />");
        project.Write("m.onnx", "model");
        string manifest = project.Write("m.devices.json", "{\n  \"devices\": [ { \"name\": \"fail\" } ]\n}\n");

        DotnetResult result = project.Partition().Failed().WithoutToolNoise();

        Assert.Contains($"{manifest}(2,27): error PC0001: fake failure requested by the manifest [{project.ProjectFile}]", result.Output, StringComparison.Ordinal);
        Assert.Equal(0, result.Lines("error PC0099"));
        Assert.False(File.Exists(Path.Combine(project.Folder, "obj", "partition", "m", "partition.stamp")));
    }

    [Fact]
    public void A_cli_warning_is_an_msbuild_warning_and_the_build_succeeds()
    {
        feed.EnsurePacked();
        var project = new LightProject(feed, "cli-warning", "<PartitionModel Include=\"m.onnx\" Manifest=\"m.devices.json\" />");
        project.Write("m.onnx", "model");
        string manifest = project.Write("m.devices.json", "{ \"devices\": [ { \"name\": \"warn\" } ] }\n");

        DotnetResult result = project.Partition().Succeeded().WithoutToolNoise();

        Assert.Contains($"{manifest}(1,27): warning PC0002: fake warning requested by the manifest", result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("PC0090", "<PartitionModel Include=\"m.onnx\" />", "", "PartitionModel 'm.onnx' has no Manifest metadata; name its device manifest on the item, e.g. Manifest=\"m.devices.json\"")]
    [InlineData("PC0091", "<PartitionModel Include=\"missing.onnx\" Manifest=\"m.devices.json\" />", "", "missing.onnx' named by a PartitionModel item does not exist")]
    [InlineData("PC0092", "<PartitionModel Include=\"m.onnx\" Manifest=\"nope.devices.json\" />", "", "nope.devices.json' of PartitionModel 'm.onnx' does not exist")]
    [InlineData("PC0093", "<PartitionModel Include=\"m.onnx\" Manifest=\"m.devices.json\" />", "-p:PartitionCompilerCliPath=/nowhere/partc.dll", "the partc CLI was not found at '/nowhere/partc.dll'")]
    [InlineData("PC0094", "<PartitionModel Include=\"m.onnx\" Manifest=\"m.devices.json\" />", "-p:PartitionPlanMode=Sometimes", "PartitionPlanMode is 'Sometimes'; use Update")]
    [InlineData("PC0095", "<PartitionModel Include=\"m.onnx\" Manifest=\"m.devices.json\" ClassName=\"class\" />", "", "the class name 'class' of PartitionModel 'm.onnx' is not a C# identifier")]
    [InlineData("PC0096", "<PartitionModel Include=\"m.onnx\" Manifest=\"m.devices.json\" Namespace=\"My..App\" />", "", "the namespace 'My..App' of PartitionModel 'm.onnx' is not a C# namespace")]
    [InlineData("PC0097", "<PartitionModel Include=\"m.onnx\" Manifest=\"m.devices.json\" /><PartitionModel Include=\"sub/m.onnx\" Manifest=\"m.devices.json\" Plan=\"sub.plan.json\" />", "", "two PartitionModel items have the same model file name (m.onnx, m.onnx)")]
    [InlineData("PC0098", "<PartitionModel Include=\"m.onnx;other.onnx\" Manifest=\"m.devices.json\" />", "", "two PartitionModel items would write the same plan file")]
    [InlineData("PC0099", "<PartitionModel Include=\"m.onnx\" Manifest=\"crash.devices.json\" />", "", "partc exited with code 3 without reporting an error")]
    [InlineData("PC0099", "<PartitionModel Include=\"m.onnx\" Manifest=\"nolist.devices.json\" />", "", "partc finished without writing its outputs list")]
    public void Problems_found_by_the_task_or_targets_are_their_own_errors_at_the_project(string code, string items, string property, string message)
    {
        feed.EnsurePacked();
        var project = new LightProject(feed, $"{code}-{Math.Abs(items.GetHashCode(StringComparison.Ordinal))}", items);
        project.Write("m.onnx", "model");
        project.Write("sub/m.onnx", "model");
        project.Write("other.onnx", "model");
        project.Write("m.devices.json", Manifest);
        project.Write("crash.devices.json", "{ \"devices\": [ { \"name\": \"crash\" } ] }");
        project.Write("nolist.devices.json", "{ \"devices\": [ { \"name\": \"nolist\" } ] }");

        DotnetResult result = property.Length == 0 ? project.Partition() : project.Partition(property);

        result.Failed().WithoutToolNoise();
        Assert.Contains($"{project.ProjectFile} : error {code}: ", result.Output, StringComparison.Ordinal);
        Assert.Contains(message, result.Output, StringComparison.Ordinal);
    }
}
