using System.Collections.Immutable;
using System.Text.Json;
using PartitionCompiler.Partitioning.Collections;
using PartitionCompiler.Partitioning.Diagnostics;
using PartitionCompiler.Partitioning.Manifest.Json;

namespace PartitionCompiler.Partitioning.Manifest;

/// <summary>
/// Turns a located JSON tree into a <see cref="DeviceManifest"/>, reporting every problem it finds (it does not stop
/// at the first) as a PC00xx diagnostic with the JSON path and the offending token's line and column.
/// </summary>
internal sealed partial class ManifestReader
{
    private readonly DiagnosticBag _diagnostics;
    private readonly ManifestProblemReporter _reporter;

    public ManifestReader(DiagnosticBag diagnostics)
    {
        _diagnostics = diagnostics;
        _reporter = new ManifestProblemReporter(diagnostics);
    }

    /// <summary>Reads the manifest, or returns null when any error was reported.</summary>
    public DeviceManifest? Read(LocatedJsonValue root)
    {
        int errorsBefore = _diagnostics.ErrorCount;
        if (root.Kind != JsonValueKind.Object)
        {
            _reporter.WrongType(root, JsonPathText.Root, "an object");
            return null;
        }

        var manifest = new JsonObjectReader(root, JsonPathText.Root, ManifestPropertyNames.Root, _reporter);
        _ = manifest.GetString("$schema", required: false);
        var modelValue = manifest.Get("model", required: false);
        string? model = ReadNonEmptyString(manifest, "model");
        var inputs = ReadInputs(manifest);
        var strategy = ReadChoice(manifest, "strategy", ManifestPropertyNames.Strategies) switch
        {
            "ksp" => PartitionStrategy.Ksp,
            "fused" => PartitionStrategy.Fused,
            _ => PartitionStrategy.Auto,
        };
        var objective = ReadObjective(manifest);
        long alternatives = manifest.GetInteger("alternatives", required: false, minimum: 1) ?? DeviceManifest.DefaultAlternatives;

        var devices = ReadDevices(manifest);
        var links = ReadLinks(manifest, devices);
        string? source = ReadDeviceReference(manifest, "source", devices) ?? (devices.Specs.Count > 0 ? devices.Specs[0].Name : null);
        string? sink = ReadDeviceReference(manifest, "sink", devices);
        var fused = ReadFused(manifest, devices, strategy);

        bool structureOk = _diagnostics.ErrorCount == errorsBefore;
        if (structureOk && source is not null)
        {
            CheckRoutes(manifest, devices, links, source, sink, fused);
        }

        if (_diagnostics.ErrorCount > errorsBefore || source is null)
        {
            return null;
        }

        return new DeviceManifest(
            model,
            inputs,
            strategy,
            objective,
            (int)Math.Min(alternatives, int.MaxValue),
            devices.Specs.ToEquatableArray(),
            links.ToEquatableArray(),
            source,
            sink,
            fused)
        {
            ModelPathLocation = model is null ? null : modelValue!.Location,
        };
    }

    private string? ReadNonEmptyString(JsonObjectReader owner, string name)
    {
        string? text = owner.GetString(name, required: false);
        if (text is { Length: 0 })
        {
            _diagnostics.Add(DiagnosticCatalog.ManifestWrongType, owner.Get(name, false)!.Location, owner.PathOf(name), "a non-empty string", "an empty string");
            return null;
        }

        return text;
    }

    private EquatableArray<InputPin> ReadInputs(JsonObjectReader manifest)
    {
        var value = manifest.GetObject("inputs", required: false);
        if (value is null)
        {
            return EquatableArray<InputPin>.Empty;
        }

        var pins = ImmutableArray.CreateBuilder<InputPin>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in value.Properties)
        {
            string path = JsonPathText.Property(manifest.PathOf("inputs"), property.Name);
            if (!seen.Add(property.Name))
            {
                _reporter.DuplicateProperty(property, path);
                continue;
            }

            if (property.Value.Kind != JsonValueKind.Array)
            {
                _reporter.WrongType(property.Value, path, "an array of whole numbers (the input's dims)");
                continue;
            }

            var dims = ImmutableArray.CreateBuilder<long>();
            bool ok = true;
            for (int i = 0; i < property.Value.Items.Count; i++)
            {
                long? dim = JsonObjectReader.ReadInteger(property.Value.Items[i], JsonPathText.Index(path, i), 1, _reporter);
                ok &= dim is not null;
                dims.Add(dim ?? 0);
            }

            if (ok)
            {
                pins.Add(new InputPin(property.Name, dims.ToImmutable(), property.NameLocation));
            }
        }

        return pins.ToImmutable();
    }

    /// <summary>A string that must be one of <paramref name="choices"/>; null when absent or invalid.</summary>
    private string? ReadChoice(JsonObjectReader owner, string name, ImmutableArray<string> choices)
    {
        string? text = owner.GetString(name, required: false);
        if (text is null)
        {
            return null;
        }

        if (!choices.Contains(text, StringComparer.Ordinal))
        {
            _diagnostics.Add(DiagnosticCatalog.ManifestInvalidChoice, owner.Get(name, false)!.Location, owner.PathOf(name), text, string.Join(", ", choices));
            return null;
        }

        return text;
    }

    private ObjectiveSpec ReadObjective(JsonObjectReader manifest)
    {
        var value = manifest.Get("objective", required: false);
        if (value is null)
        {
            return ObjectiveSpec.Latency;
        }

        string path = manifest.PathOf("objective");
        if (value.Kind == JsonValueKind.String)
        {
            return ReadChoice(manifest, "objective", ManifestPropertyNames.Objectives) == "energy" ? ObjectiveSpec.Energy : ObjectiveSpec.Latency;
        }

        if (value.Kind != JsonValueKind.Object)
        {
            _reporter.WrongType(value, path, "\"latency\", \"energy\" or an object of weights { \"latency\": w, \"energy\": w }");
            return ObjectiveSpec.Latency;
        }

        var weights = new JsonObjectReader(value, path, ManifestPropertyNames.Objective, _reporter);
        double latency = ReadWeight(weights, "latency");
        double energy = ReadWeight(weights, "energy");
        if (!(latency >= 0 && energy >= 0 && latency + energy > 0))
        {
            _diagnostics.Add(DiagnosticCatalog.ManifestObjectiveWeights, value.Location, path, Format(latency), Format(energy));
            return ObjectiveSpec.Latency;
        }

        return new ObjectiveSpec(latency, energy);
    }

    private double ReadWeight(JsonObjectReader weights, string name)
    {
        var value = weights.Get(name, required: false);
        if (value is null)
        {
            return 0;
        }

        if (value.Kind != JsonValueKind.Number)
        {
            _reporter.WrongType(value, weights.PathOf(name), "a number (a weight)");
            return 0;
        }

        return value.Number;
    }

    private string? ReadDeviceReference(JsonObjectReader owner, string name, DeviceTable devices)
    {
        string? text = owner.GetString(name, required: false);
        if (text is null)
        {
            return null;
        }

        if (!devices.Names.Contains(text))
        {
            _diagnostics.Add(DiagnosticCatalog.ManifestUnknownDevice, owner.Get(name, false)!.Location, owner.PathOf(name), text, devices.NameList);
            return null;
        }

        return text;
    }

    private FusedOptions? ReadFused(JsonObjectReader manifest, DeviceTable devices, PartitionStrategy strategy)
    {
        var value = manifest.GetObject("fused", required: false);
        if (value is null)
        {
            if (strategy == PartitionStrategy.Fused && !manifest.Has("fused"))
            {
                _diagnostics.Add(DiagnosticCatalog.ManifestFusedSectionMissing, manifest.Get("strategy", false)!.Location, manifest.PathOf("strategy"));
            }

            return null;
        }

        var fused = new JsonObjectReader(value, manifest.PathOf("fused"), ManifestPropertyNames.Fused, _reporter);
        bool hasEnd = fused.Has("endDevice"), hasServer = fused.Has("server");
        string? endDevice = ReadDeviceReference(fused, "endDevice", devices);
        string? server = ReadDeviceReference(fused, "server", devices);
        if (!hasEnd)
        {
            _reporter.MissingProperty(value, fused.Path, "endDevice");
        }

        if (!hasServer)
        {
            _reporter.MissingProperty(value, fused.Path, "server");
        }

        long maxPaths = fused.GetInteger("maxPaths", required: false, minimum: 1) ?? FusedOptions.DefaultMaxPaths;
        string solver = ReadChoice(fused, "solver", ManifestPropertyNames.FusedSolvers) ?? FusedOptions.DefaultSolver;
        if (endDevice is null || server is null)
        {
            return null;
        }

        if (string.Equals(endDevice, server, StringComparison.Ordinal))
        {
            _diagnostics.Add(DiagnosticCatalog.ManifestFusedSameDevice, value.Location, fused.Path, endDevice);
            return null;
        }

        return new FusedOptions(endDevice, server, (int)Math.Min(maxPaths, int.MaxValue), solver) { Location = value.Location };
    }

    private static string Format(double value) => value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}
