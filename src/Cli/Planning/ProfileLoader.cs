using System.Globalization;
using PartitionCompiler.Partitioning.Diagnostics;
using PartitionCompiler.Partitioning.Manifest;
using PartitionCompiler.Partitioning.Profiles;

namespace PartitionCompiler.Cli.Planning;

/// <summary>
/// Reads the device profiles a manifest names (<c>"profile"</c>, relative to the manifest's folder), parses them
/// (PC0201-PC0203, PC0207) and checks them against the model (PC0204-PC0206): a profile of another model is dropped,
/// entries for nodes the model lacks are dropped, the rest prices the solver's device times.
/// </summary>
internal static class ProfileLoader
{
    /// <summary>The usable profiles by manifest device name. Returns null when a profile has an error.</summary>
    public static IReadOnlyDictionary<string, DeviceProfile>? Load(
        LoadedManifest manifest, AnalyzedModel model, DiagnosticBag diagnostics)
    {
        var profiles = new Dictionary<string, DeviceProfile>(StringComparer.Ordinal);
        HashSet<string>? nodeKeys = null;
        int errors = diagnostics.ErrorCount;
        foreach (var device in manifest.Manifest.Devices)
        {
            if (device.ProfilePath is not string written)
            {
                continue;
            }

            string path = ManifestFileChecks.Resolve(manifest.Path, written);
            byte[] bytes;
            try
            {
                bytes = File.ReadAllBytes(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                diagnostics.Add(DiagnosticCatalog.ManifestProfileNotFound, device.ProfileLocation ?? device.Location,
                    string.Create(CultureInfo.InvariantCulture, $"$.devices[{manifest.Manifest.DeviceIndex(device.Name)}].profile"), written, path + " (" + e.Message + ")");
                continue;
            }

            var parsed = ProfileParser.Parse(bytes, path, diagnostics);
            if (parsed is null)
            {
                continue;
            }

            nodeKeys ??= [.. model.Graph.Nodes.Select(n => n.Key)];
            if (ProfileValidator.Validate(parsed, device.Name, nodeKeys, model.Model.Sha256, diagnostics) is { } usable)
            {
                profiles.Add(device.Name, usable);
            }
        }

        return diagnostics.ErrorCount > errors ? null : profiles;
    }
}
