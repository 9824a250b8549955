using PartitionCompiler.Partitioning.Diagnostics;
using PartitionCompiler.Partitioning.Manifest.Json;

namespace PartitionCompiler.Partitioning.Manifest;

/// <summary>
/// Parses a device manifest (DESIGN.md section 4; every property is documented in docs/manifest.md). JSON with
/// comments and trailing commas; every problem becomes a PC00xx diagnostic naming the JSON path, located at the
/// offending token's 1-based line and column. Pure: the caller reads the file and, for the checks that need the file
/// system, passes a <c>fileExists</c> delegate.
/// </summary>
public static class ManifestParser
{
    /// <summary>
    /// Parses <paramref name="text"/>, the content of the manifest at <paramref name="path"/> (used for locations and to
    /// resolve relative paths). Returns null when any error was reported; warnings leave the manifest usable.
    /// </summary>
    /// <param name="fileExists">When given, also checks that the model and profile files exist
    /// (<see cref="ManifestFileChecks"/>); it receives paths resolved against the manifest's folder.</param>
    public static DeviceManifest? Parse(string text, string path, DiagnosticBag diagnostics, Func<string, bool>? fileExists = null)
    {
        var root = LocatedJsonParser.Parse(text, path, out var error);
        return Finish(root, error, path, diagnostics, fileExists);
    }

    /// <summary>Parses the manifest's UTF-8 bytes (a byte order mark is skipped); see the string overload.</summary>
    public static DeviceManifest? Parse(ReadOnlySpan<byte> utf8, string path, DiagnosticBag diagnostics, Func<string, bool>? fileExists = null)
    {
        var root = LocatedJsonParser.Parse(utf8, path, out var error);
        return Finish(root, error, path, diagnostics, fileExists);
    }

    private static DeviceManifest? Finish(LocatedJsonValue? root, JsonSyntaxError? error, string path, DiagnosticBag diagnostics, Func<string, bool>? fileExists)
    {
        if (root is null)
        {
            diagnostics.Add(DiagnosticCatalog.ManifestInvalidJson, error!.Location, error.Message);
            return null;
        }

        var manifest = new ManifestReader(diagnostics).Read(root);
        if (manifest is null || fileExists is null)
        {
            return manifest;
        }

        return ManifestFileChecks.Check(manifest, path, fileExists, diagnostics) ? manifest : null;
    }
}
