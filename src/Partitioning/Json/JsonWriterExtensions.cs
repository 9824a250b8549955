using System.Globalization;
using System.Text.Json;

namespace PartitionCompiler.Partitioning.Json;

/// <summary>
/// The JSON pieces that the plan file and the <c>partc</c> documents share: arrays of names or numbers written as one
/// property, and FLOP counts written as exact integers. One place, so that every document writes them alike.
/// </summary>
public static class JsonWriterExtensions
{
    /// <summary>Writes <c>"name": [ "a", "b", ... ]</c>.</summary>
    public static void WriteStringArray(this Utf8JsonWriter json, string propertyName, IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(values);
        json.WriteStartArray(propertyName);
        foreach (string value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }

    /// <summary>Writes <c>"name": [ 1, 2, ... ]</c>.</summary>
    public static void WriteNumberArray(this Utf8JsonWriter json, string propertyName, IEnumerable<long> values)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(values);
        json.WriteStartArray(propertyName);
        foreach (long value in values)
        {
            json.WriteNumberValue(value);
        }

        json.WriteEndArray();
    }

    /// <summary>
    /// Writes a count that is a whole number in practice (FLOPs): an integer while it is whole and below 9e15 (where a
    /// double still holds every integer exactly), else the shortest round-trip form with a lowercase exponent.
    /// </summary>
    public static void WriteCount(this Utf8JsonWriter json, string propertyName, double value)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (!double.IsFinite(value))
        {
            throw new ArgumentException($"A count is a finite number; got {value}.", nameof(value));
        }

        json.WritePropertyName(propertyName);
        json.WriteRawValue(
            Math.Abs(value) < 9e15 && value == Math.Floor(value)
                ? ((long)value).ToString(CultureInfo.InvariantCulture)
                : LowercaseExponent(value.ToString("R", CultureInfo.InvariantCulture)),
            skipInputValidation: true);
    }

    /// <summary><c>1.5E+20</c> as <c>1.5e20</c>, <c>2E-05</c> as <c>2e-5</c>; text without an exponent as is.</summary>
    internal static string LowercaseExponent(string number)
    {
        int e = number.IndexOf('E', StringComparison.Ordinal);
        if (e < 0)
        {
            return number;
        }

        string mantissa = number[..e];
        int exponent = int.Parse(number[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        return string.Create(CultureInfo.InvariantCulture, $"{mantissa}e{exponent}");
    }
}
