using System.Text.Json;
using System.Text.RegularExpressions;
using PartitionCompiler.Partitioning.Diagnostics;
using PartitionCompiler.Partitioning.Manifest.Json;

namespace PartitionCompiler.Partitioning.Manifest;

internal sealed partial class ManifestReader
{
    /// <summary>File names Windows reserves whatever the extension; a device folder must not be one.</summary>
    private static readonly HashSet<string> ReservedFileNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "CON", "PRN", "AUX", "NUL",
        "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
        "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
    };

    private DeviceTable ReadDevices(JsonObjectReader manifest)
    {
        var table = new DeviceTable();
        var array = manifest.GetArray("devices", required: true);
        if (array is null)
        {
            return table;
        }

        string arrayPath = manifest.PathOf("devices");
        if (array.Items.Count == 0)
        {
            _diagnostics.Add(DiagnosticCatalog.ManifestNoDevices, array.Location, arrayPath);
            return table;
        }

        var firstByName = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < array.Items.Count; i++)
        {
            var item = array.Items[i];
            string path = JsonPathText.Index(arrayPath, i);
            if (item.Kind != JsonValueKind.Object)
            {
                _reporter.WrongType(item, path, "an object (a device)");
                continue;
            }

            int errorsBefore = _diagnostics.ErrorCount;
            var device = new JsonObjectReader(item, path, ManifestPropertyNames.Device, _reporter);
            string? name = device.GetString("name", required: true);
            if (name is not null)
            {
                var nameLocation = device.Get("name", false)!.Location;
                if (!IsValidDeviceName(name))
                {
                    _diagnostics.Add(DiagnosticCatalog.ManifestInvalidDeviceName, nameLocation, device.PathOf("name"), name);
                }
                else if (firstByName.TryGetValue(name, out string? firstPath))
                {
                    _diagnostics.Add(DiagnosticCatalog.ManifestDuplicateDevice, nameLocation, device.PathOf("name"), name, firstPath);
                }
                else
                {
                    firstByName.Add(name, path);
                    table.Add(name);
                }
            }

            double? compute = ReadQuantity(device, "compute", QuantityKind.ComputeRate, QuantityRange.Positive, required: true);
            double? memory = ReadQuantity(device, "memory", QuantityKind.Bytes, QuantityRange.Positive, required: false);
            double? power = ReadQuantity(device, "power", QuantityKind.Power, QuantityRange.NonNegative, required: false);
            string? profile = ReadNonEmptyString(device, "profile");
            long? memoryBytes = null;
            if (memory is double bytes)
            {
                if (bytes >= long.MaxValue)
                {
                    _diagnostics.Add(DiagnosticCatalog.ManifestQuantityOutOfRange, device.Get("memory", false)!.Location, device.PathOf("memory"), "a size", "less than 2^63 bytes", Written(device.Get("memory", false)!));
                }
                else
                {
                    memoryBytes = Math.Max(1, (long)Math.Round(bytes, MidpointRounding.AwayFromZero));
                }
            }

            if (_diagnostics.ErrorCount == errorsBefore && name is not null && compute is double flops)
            {
                table.Specs.Add(new DeviceSpec(name, flops, memoryBytes, power, profile, item.Location)
                {
                    ProfileLocation = profile is null ? null : device.Get("profile", false)!.Location,
                });
            }
        }

        return table;
    }

    private static bool IsValidDeviceName(string name) =>
        DeviceNameShape().IsMatch(name) && !ReservedFileNames.Contains(name);

    [GeneratedRegex("^[A-Za-z0-9_][A-Za-z0-9_-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex DeviceNameShape();

    /// <summary>The devices read so far: the valid specs, and every well-formed declared name (for references).</summary>
    private sealed class DeviceTable
    {
        public List<DeviceSpec> Specs { get; } = [];

        public HashSet<string> Names { get; } = new(StringComparer.Ordinal);

        /// <summary>The declared names, in manifest order, for messages.</summary>
        public string NameList => _ordered.Count == 0 ? "(none declared)" : string.Join(", ", _ordered.Select(n => $"'{n}'"));

        private readonly List<string> _ordered = [];

        public void Add(string name)
        {
            Names.Add(name);
            _ordered.Add(name);
        }
    }
}
