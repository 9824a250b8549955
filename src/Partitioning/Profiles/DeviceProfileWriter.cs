using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace PartitionCompiler.Partitioning.Profiles;

/// <summary>
/// Writes a <see cref="DeviceProfile"/> in the profile file format that <see cref="ProfileParser"/> reads: indented
/// JSON with <c>\n</c> line ends, nodes ordered by key, times in the chosen unit to 6 significant digits. The same
/// profile always gives the same text. Pure: it returns the text; the caller writes the file.
/// </summary>
public static class DeviceProfileWriter
{
    /// <summary>The profile as file text, times in <paramref name="unit"/> (<c>s</c>, <c>ms</c>, <c>us</c> or <c>ns</c>).</summary>
    public static string Write(DeviceProfile profile, string unit = "ms")
    {
        double perSecond = UnitsPerSecond(unit);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions
        {
            Indented = true,
            NewLine = "\n",
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }))
        {
            writer.WriteStartObject();
            writer.WriteNumber("formatVersion", DeviceProfile.FormatVersion);
            writer.WriteString("device", profile.Device);
            writer.WriteStartObject("model");
            writer.WriteString("sha256", profile.ModelSha256.ToLowerInvariant());
            writer.WriteEndObject();
            writer.WriteString("unit", unit);
            writer.WriteStartObject("nodes");
            foreach (var (key, timing) in profile.Nodes)
            {
                writer.WriteStartObject(key);
                WriteTime(writer, "median", timing.Median, perSecond);
                if (timing.P10 is double p10)
                {
                    WriteTime(writer, "p10", p10, perSecond);
                }

                if (timing.P90 is double p90)
                {
                    WriteTime(writer, "p90", p90, perSecond);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndObject();
            writer.WriteStartArray("segments");
            foreach (var segment in profile.Segments)
            {
                writer.WriteStartObject();
                writer.WriteString("first", segment.First);
                writer.WriteString("last", segment.Last);
                WriteTime(writer, "median", segment.Median, perSecond);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static double UnitsPerSecond(string unit)
    {
        foreach (var (name, divisor) in ProfilePropertyNames.Units)
        {
            if (string.Equals(name, unit, StringComparison.Ordinal))
            {
                return divisor;
            }
        }

        throw new ArgumentException($"'{unit}' is not a profile time unit", nameof(unit));
    }

    private static void WriteTime(Utf8JsonWriter writer, string name, double seconds, double perSecond)
    {
        writer.WritePropertyName(name);
        writer.WriteRawValue((seconds * perSecond).ToString("G6", CultureInfo.InvariantCulture), skipInputValidation: false);
    }
}
