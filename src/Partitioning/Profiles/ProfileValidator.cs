using System.Collections.Immutable;
using PartitionCompiler.Partitioning.Collections;
using PartitionCompiler.Partitioning.Diagnostics;
using PartitionCompiler.Partitioning.Manifest.Json;

namespace PartitionCompiler.Partitioning.Profiles;

/// <summary>
/// Checks a parsed profile against the model it is used with and the manifest device that names it: a profile of
/// another model (PC0204) is dropped; entries for nodes the model lacks (PC0205) are dropped; a profile measured for
/// another device name (PC0206) is kept, with a warning. Pure: it takes the model's node keys and sha256.
/// </summary>
public static class ProfileValidator
{
    /// <summary>
    /// Returns the profile to use (without entries for unknown nodes), or null when it belongs to another model.
    /// </summary>
    /// <param name="manifestDevice">The manifest device whose <c>"profile"</c> names this file.</param>
    /// <param name="nodeKeys">The model's node keys (names, or <c>@first output</c> for unnamed/repeated names).</param>
    /// <param name="modelSha256">The model file's sha256 (hex, any case).</param>
    public static DeviceProfile? Validate(
        DeviceProfile profile,
        string manifestDevice,
        IReadOnlySet<string> nodeKeys,
        string modelSha256,
        DiagnosticBag diagnostics)
    {
        var location = profile.Location;
        if (!string.Equals(profile.ModelSha256, modelSha256, StringComparison.OrdinalIgnoreCase))
        {
            diagnostics.Add(
                DiagnosticCatalog.ProfileOtherModel,
                profile.ModelSha256Location ?? location,
                "$.model.sha256",
                profile.ModelSha256,
                modelSha256.ToLowerInvariant(),
                manifestDevice);
            return null;
        }

        if (!string.Equals(profile.Device, manifestDevice, StringComparison.Ordinal))
        {
            diagnostics.Add(DiagnosticCatalog.ProfileDeviceMismatch, profile.DeviceLocation ?? location, "$.device", profile.Device, manifestDevice);
        }

        var nodes = profile.Nodes.ToBuilder();
        foreach (var (key, timing) in profile.Nodes)
        {
            if (!nodeKeys.Contains(key))
            {
                diagnostics.Add(DiagnosticCatalog.ProfileUnknownNode, timing.Location ?? location, JsonPathText.Property("$.nodes", key), key);
                nodes.Remove(key);
            }
        }

        var segments = ImmutableArray.CreateBuilder<SegmentTiming>();
        for (int i = 0; i < profile.Segments.Count; i++)
        {
            var segment = profile.Segments[i];
            bool ok = true;
            foreach (var (property, key) in new[] { ("first", segment.First), ("last", segment.Last) })
            {
                if (!nodeKeys.Contains(key))
                {
                    diagnostics.Add(DiagnosticCatalog.ProfileUnknownNode, segment.Location ?? location, $"$.segments[{i}].{property}", key);
                    ok = false;
                }
            }

            if (ok)
            {
                segments.Add(segment);
            }
        }

        return profile with { Nodes = nodes.ToImmutable(), Segments = segments.ToImmutable() };
    }
}
