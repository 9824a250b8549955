using PartitionCompiler.Partitioning.Diagnostics;
using PartitionCompiler.Partitioning.Manifest;

namespace PartitionCompiler.Partitioning.Tests.Manifest;

/// <summary>Parses manifests and asserts on their diagnostics.</summary>
internal static class ManifestAssert
{
    public const string Path = "app/detector.devices.json";

    public static (DeviceManifest? Manifest, DiagnosticBag Diagnostics) Parse(string text, Func<string, bool>? fileExists = null)
    {
        var diagnostics = new DiagnosticBag();
        var manifest = ManifestParser.Parse(text, Path, diagnostics, fileExists);
        return (manifest, diagnostics);
    }

    /// <summary>Parses and asserts there is no diagnostic at all.</summary>
    public static DeviceManifest Clean(string text)
    {
        var (manifest, diagnostics) = Parse(text);
        Assert.True(diagnostics.Items.Count == 0, string.Join("\n", diagnostics.Items));
        Assert.NotNull(manifest);
        return manifest;
    }

    /// <summary>
    /// Asserts that parsing reports <paramref name="code"/> at the position of <paramref name="token"/> and returns that
    /// diagnostic; for errors, also that no manifest came back.
    /// </summary>
    public static Diagnostic Reports(string text, string code, string token, int occurrence = 1, Func<string, bool>? fileExists = null)
    {
        var (manifest, diagnostics) = Parse(text, fileExists);
        var found = diagnostics.Items.Where(d => d.Code == code).ToList();
        Assert.True(found.Count > 0, $"expected {code}; got:\n{string.Join("\n", diagnostics.Items)}");
        var (line, column) = ManifestSamples.Find(text, token, occurrence);
        var diagnostic = found.FirstOrDefault(d => d.Location?.Line == line && d.Location?.Column == column);
        Assert.True(diagnostic is not null, $"expected {code} at ({line},{column}); got:\n{string.Join("\n", found)}");
        Assert.Equal(Path, diagnostic.Location!.Path);
        if (diagnostic.IsError)
        {
            Assert.Null(manifest);
        }

        return diagnostic;
    }
}
