using PartitionCompiler.Partitioning.Diagnostics;
using PartitionCompiler.Partitioning.Manifest;

namespace PartitionCompiler.Partitioning.Tests.Manifest;

public class ManifestFileChecksTests
{
    [Theory]
    [InlineData("app/x.devices.json", "models/m.onnx", "app/models/m.onnx")]
    [InlineData("x.devices.json", "models/m.onnx", "models/m.onnx")]
    [InlineData("app/x.devices.json", "models\\m.onnx", "app/models/m.onnx")]
    [InlineData("app/x.devices.json", "/abs/m.onnx", "/abs/m.onnx")]
    public void Resolve_is_relative_to_the_manifest_folder(string manifest, string relative, string expected)
    {
        Assert.Equal(expected, ManifestFileChecks.Resolve(manifest, relative));
    }

    [Fact]
    public void Every_named_file_is_checked_once_and_in_order()
    {
        var manifest = ManifestAssert.Clean(ManifestSamples.Design);
        var asked = new List<string>();
        bool ok = ManifestFileChecks.Check(manifest, ManifestAssert.Path, p => { asked.Add(p); return true; }, new DiagnosticBag());
        Assert.True(ok);
        Assert.Equal(new[] { "app/models/detector.onnx", "app/profiles/phone.profile.json" }, asked);
    }

    [Fact]
    public void The_model_check_can_be_skipped_when_the_model_comes_from_elsewhere()
    {
        var manifest = ManifestAssert.Clean(ManifestSamples.Design);
        var diagnostics = new DiagnosticBag();
        bool ok = ManifestFileChecks.Check(manifest, ManifestAssert.Path, p => p.EndsWith(".profile.json", StringComparison.Ordinal), diagnostics, checkModel: false);
        Assert.True(ok);
        Assert.Empty(diagnostics.Items);
    }
}
