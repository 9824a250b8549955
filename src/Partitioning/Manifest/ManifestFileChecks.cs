using PartitionCompiler.Partitioning.Diagnostics;
using PartitionCompiler.Partitioning.Manifest.Json;

namespace PartitionCompiler.Partitioning.Manifest;

/// <summary>
/// The manifest checks that need the file system, through an injected <c>fileExists</c> delegate so the core stays
/// free of IO: the model file (PC0009) and each device's profile file (PC0016).
/// </summary>
public static class ManifestFileChecks
{
    /// <summary>
    /// Reports missing files. <paramref name="fileExists"/> receives each path resolved against the folder of
    /// <paramref name="manifestPath"/> (<see cref="Resolve"/>). Returns true when nothing is missing.
    /// </summary>
    /// <param name="checkModel">False when the model comes from elsewhere (a command-line <c>--model</c> or the
    /// MSBuild item), so the manifest's <c>"model"</c> is not used.</param>
    public static bool Check(DeviceManifest manifest, string manifestPath, Func<string, bool> fileExists, DiagnosticBag diagnostics, bool checkModel = true)
    {
        bool ok = true;
        if (checkModel && manifest.ModelPath is string model)
        {
            string resolved = Resolve(manifestPath, model);
            if (!fileExists(resolved))
            {
                diagnostics.Add(DiagnosticCatalog.ManifestModelNotFound, manifest.ModelPathLocation ?? new SourceLocation(manifestPath), JsonPathText.Property(JsonPathText.Root, "model"), model, resolved);
                ok = false;
            }
        }

        for (int i = 0; i < manifest.Devices.Count; i++)
        {
            var device = manifest.Devices[i];
            if (device.ProfilePath is string profile)
            {
                string resolved = Resolve(manifestPath, profile);
                if (!fileExists(resolved))
                {
                    string path = JsonPathText.Property(JsonPathText.Index(JsonPathText.Property(JsonPathText.Root, "devices"), i), "profile");
                    diagnostics.Add(DiagnosticCatalog.ManifestProfileNotFound, device.ProfileLocation ?? device.Location, path, profile, resolved);
                    ok = false;
                }
            }
        }

        return ok;
    }

    /// <summary>
    /// A path written in the manifest, resolved against the manifest's folder (string work only; nothing is read).
    /// Rooted paths are kept; <c>\</c> and <c>/</c> are both separators.
    /// </summary>
    public static string Resolve(string manifestPath, string relativePath)
    {
        if (Path.IsPathRooted(relativePath))
        {
            return relativePath;
        }

        string folder = Path.GetDirectoryName(manifestPath) ?? string.Empty;
        string normalized = relativePath.Replace('\\', '/');
        return folder.Length == 0 ? normalized : Path.Combine(folder, normalized);
    }
}
