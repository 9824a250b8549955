using System.Text.Json;
using PartitionCompiler.Partitioning.Diagnostics;
using PartitionCompiler.Partitioning.Manifest.Json;

namespace PartitionCompiler.Partitioning.Manifest;

internal sealed partial class ManifestReader
{
    /// <summary>
    /// Reads a quantity: a JSON number in base units, or a string with a unit of <paramref name="kind"/>. Reports a
    /// wrong type, a malformed text, an unknown unit or a value out of <paramref name="range"/>; null then.
    /// </summary>
    private double? ReadQuantity(JsonObjectReader owner, string name, QuantityKind kind, QuantityRange range, bool required)
    {
        var value = owner.Get(name, required);
        if (value is null)
        {
            return null;
        }

        string path = owner.PathOf(name);
        double number;
        switch (value.Kind)
        {
            case JsonValueKind.Number:
                number = value.Number;
                break;

            case JsonValueKind.String:
                var parsed = QuantityParser.Parse(value.String!, kind);
                switch (parsed.Status)
                {
                    case QuantityParseStatus.UnknownUnit:
                        string hint = parsed.Hint is null ? string.Empty : $" ({parsed.Hint})";
                        _diagnostics.Add(DiagnosticCatalog.ManifestUnknownUnit, value.Location, path, parsed.Unit, QuantityUnits.Describe(kind), hint, QuantityUnits.SymbolList(kind), QuantityUnits.BaseUnit(kind));
                        return null;

                    case QuantityParseStatus.Malformed:
                    case QuantityParseStatus.MissingUnit:
                        _diagnostics.Add(DiagnosticCatalog.ManifestMalformedQuantity, value.Location, path, value.String, QuantityUnits.Describe(kind), QuantityUnits.Example(kind), QuantityUnits.BaseUnit(kind));
                        return null;
                }

                number = parsed.Value;
                break;

            default:
                _reporter.WrongType(value, path, $"{QuantityUnits.Describe(kind)} (a number in {QuantityUnits.BaseUnit(kind)}, or a string such as '{QuantityUnits.Example(kind)}')");
                return null;
        }

        return CheckRange(value, path, QuantityUnits.Describe(kind), number, range) ? number : null;
    }

    /// <summary>Reads a plain JSON number (no unit) that must lie in <paramref name="range"/>.</summary>
    private double? ReadPlainNumber(JsonObjectReader owner, string name, string description, QuantityRange range, bool required)
    {
        var value = owner.Get(name, required);
        if (value is null)
        {
            return null;
        }

        string path = owner.PathOf(name);
        if (value.Kind != JsonValueKind.Number)
        {
            _reporter.WrongType(value, path, $"{description} (a number)");
            return null;
        }

        return CheckRange(value, path, description, value.Number, range) ? value.Number : null;
    }

    private bool CheckRange(LocatedJsonValue value, string path, string description, double number, QuantityRange range)
    {
        bool ok = range == QuantityRange.Positive ? number > 0 : number >= 0;
        if (!ok)
        {
            string bound = range == QuantityRange.Positive ? "greater than zero" : "zero or more";
            _diagnostics.Add(DiagnosticCatalog.ManifestQuantityOutOfRange, value.Location, path, description, bound, Written(value));
        }

        return ok;
    }

    /// <summary>A value as the user wrote it, for messages.</summary>
    private static string Written(LocatedJsonValue value) => value.Kind switch
    {
        JsonValueKind.String => $"'{value.String}'",
        JsonValueKind.Number => value.RawNumber ?? value.Number.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        _ => value.KindText,
    };
}
