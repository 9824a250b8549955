using System.Collections.Immutable;
using System.Text.Json;
using PartitionCompiler.Partitioning.Collections;
using PartitionCompiler.Partitioning.Diagnostics;
using PartitionCompiler.Partitioning.Manifest.Json;

namespace PartitionCompiler.Partitioning.Profiles;

/// <summary>
/// Parses a device profile file (DESIGN.md section 4; documented in docs/manifest.md): JSON with comments allowed,
/// times in the file's <c>unit</c> converted to seconds. Malformed content is a PC020x error at the offending token.
/// Pure: the caller reads the file.
/// </summary>
public static class ProfileParser
{
    /// <summary>Parses the profile text; returns null when any error was reported.</summary>
    public static DeviceProfile? Parse(string text, string path, DiagnosticBag diagnostics) =>
        Finish(LocatedJsonParser.Parse(text, path, out var error), error, path, diagnostics);

    /// <summary>Parses the profile's UTF-8 bytes (a byte order mark is skipped).</summary>
    public static DeviceProfile? Parse(ReadOnlySpan<byte> utf8, string path, DiagnosticBag diagnostics) =>
        Finish(LocatedJsonParser.Parse(utf8, path, out var error), error, path, diagnostics);

    private static DeviceProfile? Finish(LocatedJsonValue? root, JsonSyntaxError? error, string path, DiagnosticBag diagnostics)
    {
        if (root is null)
        {
            diagnostics.Add(DiagnosticCatalog.ProfileInvalidJson, error!.Location, error.Message);
            return null;
        }

        int errorsBefore = diagnostics.ErrorCount;
        var reporter = new ProfileProblemReporter(diagnostics);
        if (root.Kind != JsonValueKind.Object)
        {
            reporter.WrongType(root, JsonPathText.Root, "an object");
            return null;
        }

        var profile = new JsonObjectReader(root, JsonPathText.Root, ProfilePropertyNames.Root, reporter);
        _ = profile.GetString("$schema", required: false);
        long? version = profile.GetInteger("formatVersion", required: true, minimum: 1);
        if (version is long v && v != DeviceProfile.FormatVersion)
        {
            diagnostics.Add(DiagnosticCatalog.ProfileUnsupportedVersion, profile.Get("formatVersion", false)!.Location, profile.PathOf("formatVersion"), v, DeviceProfile.FormatVersion);
            return null;
        }

        string? device = profile.GetString("device", required: true);
        if (device is { Length: 0 })
        {
            reporter.Invalid(profile.Get("device", false)!.Location, profile.PathOf("device"), "the device name is empty");
        }

        var (sha256, shaLocation) = ReadModelSha(profile, reporter);
        double divisor = ReadUnit(profile, reporter);
        var nodes = ReadNodes(profile, divisor, reporter);
        var segments = ReadSegments(profile, divisor, reporter);

        if (diagnostics.ErrorCount > errorsBefore || device is null || sha256 is null)
        {
            return null;
        }

        return new DeviceProfile(device, sha256, nodes, segments, new SourceLocation(path, 1, 1))
        {
            DeviceLocation = profile.Get("device", false)!.Location,
            ModelSha256Location = shaLocation,
        };
    }

    private static (string? Sha256, SourceLocation? Location) ReadModelSha(JsonObjectReader profile, ProfileProblemReporter reporter)
    {
        var model = profile.GetObject("model", required: true);
        if (model is null)
        {
            return (null, null);
        }

        var reader = new JsonObjectReader(model, profile.PathOf("model"), ProfilePropertyNames.Model, reporter);
        string? sha = reader.GetString("sha256", required: true);
        if (sha is null)
        {
            return (null, null);
        }

        var location = reader.Get("sha256", false)!.Location;
        if (sha.Length != 64 || !sha.All(char.IsAsciiHexDigit))
        {
            reporter.Invalid(location, reader.PathOf("sha256"), $"'{sha}' is not a sha256 (64 hexadecimal digits)");
            return (null, null);
        }

        return (sha.ToLowerInvariant(), location);
    }

    private static double ReadUnit(JsonObjectReader profile, ProfileProblemReporter reporter)
    {
        string? unit = profile.GetString("unit", required: true);
        if (unit is null)
        {
            return 1;
        }

        foreach (var (name, divisor) in ProfilePropertyNames.Units)
        {
            if (string.Equals(name, unit, StringComparison.Ordinal))
            {
                return divisor;
            }
        }

        string valid = string.Join(", ", ProfilePropertyNames.Units.Select(u => u.Unit));
        reporter.Invalid(profile.Get("unit", false)!.Location, profile.PathOf("unit"), $"'{unit}' is not a time unit; use one of: {valid}");
        return 1;
    }

    private static ImmutableSortedDictionary<string, NodeTiming> ReadNodes(JsonObjectReader profile, double divisor, ProfileProblemReporter reporter)
    {
        var builder = ImmutableSortedDictionary.CreateBuilder<string, NodeTiming>(StringComparer.Ordinal);
        var nodes = profile.GetObject("nodes", required: false);
        if (nodes is null)
        {
            return builder.ToImmutable();
        }

        foreach (var property in nodes.Properties)
        {
            string path = JsonPathText.Property(profile.PathOf("nodes"), property.Name);
            if (builder.ContainsKey(property.Name))
            {
                reporter.DuplicateProperty(property, path);
                continue;
            }

            if (property.Name.Length == 0)
            {
                reporter.Invalid(property.NameLocation, path, "a node key is empty");
                continue;
            }

            if (property.Value.Kind != JsonValueKind.Object)
            {
                reporter.WrongType(property.Value, path, "an object { \"median\": t, \"p10\": t, \"p90\": t }");
                continue;
            }

            var entry = new JsonObjectReader(property.Value, path, ProfilePropertyNames.Node, reporter);
            double? median = ReadTime(entry, "median", divisor, required: true, reporter);
            double? p10 = ReadTime(entry, "p10", divisor, required: false, reporter);
            double? p90 = ReadTime(entry, "p90", divisor, required: false, reporter);
            if (median is null)
            {
                continue;
            }

            if ((p10 is double low && low > median) || (p90 is double high && high < median))
            {
                reporter.Invalid(property.Value.Location, path, "the percentiles must satisfy p10 <= median <= p90");
                continue;
            }

            builder.Add(property.Name, new NodeTiming(median.Value, p10, p90) { Location = property.NameLocation });
        }

        return builder.ToImmutable();
    }

    private static EquatableArray<SegmentTiming> ReadSegments(JsonObjectReader profile, double divisor, ProfileProblemReporter reporter)
    {
        var segments = ImmutableArray.CreateBuilder<SegmentTiming>();
        var array = profile.GetArray("segments", required: false);
        if (array is null)
        {
            return segments.ToImmutable();
        }

        for (int i = 0; i < array.Items.Count; i++)
        {
            var item = array.Items[i];
            string path = JsonPathText.Index(profile.PathOf("segments"), i);
            if (item.Kind != JsonValueKind.Object)
            {
                reporter.WrongType(item, path, "an object { \"first\": key, \"last\": key, \"median\": t }");
                continue;
            }

            var entry = new JsonObjectReader(item, path, ProfilePropertyNames.Segment, reporter);
            string? first = entry.GetString("first", required: true);
            string? last = entry.GetString("last", required: true);
            double? median = ReadTime(entry, "median", divisor, required: true, reporter);
            if (first is not null && last is not null && median is not null)
            {
                segments.Add(new SegmentTiming(first, last, median.Value) { Location = item.Location });
            }
        }

        return segments.ToImmutable();
    }

    private static double? ReadTime(JsonObjectReader entry, string name, double divisor, bool required, ProfileProblemReporter reporter)
    {
        var value = entry.Get(name, required);
        if (value is null)
        {
            return null;
        }

        if (value.Kind != JsonValueKind.Number)
        {
            reporter.WrongType(value, entry.PathOf(name), "a number (a time in the profile's unit)");
            return null;
        }

        if (value.Number < 0)
        {
            reporter.Invalid(value.Location, entry.PathOf(name), $"a time must be zero or more, but is {value.RawNumber}");
            return null;
        }

        return value.Number / divisor;
    }
}
