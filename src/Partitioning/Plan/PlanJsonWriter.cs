using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using PartitionCompiler.Partitioning.Json;

namespace PartitionCompiler.Partitioning.Plan;

/// <summary>
/// Writes a <see cref="PartitionPlan"/> as the plan file (docs/plan-format.md): UTF-8 without BOM, 2-space indent,
/// <c>\n</c> line ends and a final newline, properties in a fixed order, times, energies, objective values and
/// utilisations to 6 significant digits, byte counts as integers, no timestamps. The same plan always gives the same
/// bytes, and <see cref="PlanJsonReader"/> reads them back to a plan that writes the same bytes again.
/// </summary>
public static class PlanJsonWriter
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        IndentCharacter = ' ',
        IndentSize = 2,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static byte[] Write(PartitionPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteNumber("formatVersion", plan.FormatVersion);
            json.WriteStartObject("model");
            json.WriteString("path", plan.Model.Path);
            json.WriteString("sha256", plan.Model.Sha256);
            json.WriteNumber("nodes", plan.Model.Nodes);
            json.WriteEndObject();
            json.WriteString("manifestSha256", plan.ManifestSha256);
            json.WriteString("strategy", plan.Strategy);
            json.WriteString("objective", plan.Objective);
            json.WriteStartObject("predicted");
            Significant(json, "latencyMs", plan.Predicted.LatencyMs);
            Significant(json, "energyJ", plan.Predicted.EnergyJ);
            Significant(json, "objective", plan.Predicted.Objective);
            json.WriteEndObject();
            json.WriteStartArray("stages");
            foreach (var stage in plan.Stages)
            {
                WriteStage(json, stage);
            }

            json.WriteEndArray();
            json.WriteStartArray("transfers");
            foreach (var transfer in plan.Transfers)
            {
                WriteTransfer(json, transfer);
            }

            json.WriteEndArray();
            json.WriteStartArray("alternatives");
            foreach (var alternative in plan.Alternatives)
            {
                json.WriteStartObject();
                json.WriteNumber("rank", alternative.Rank);
                Significant(json, "latencyMs", alternative.LatencyMs);
                Significant(json, "energyJ", alternative.EnergyJ);
                Significant(json, "objective", alternative.Objective);
                json.WriteString("assignment", alternative.Assignment);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        var bytes = new byte[buffer.WrittenCount + 1];
        buffer.WrittenSpan.CopyTo(bytes);
        bytes[^1] = (byte)'\n';
        return bytes;
    }

    private static void WriteStage(Utf8JsonWriter json, PlanStage stage)
    {
        json.WriteStartObject();
        json.WriteNumber("index", stage.Index);
        json.WriteString("device", stage.Device);
        json.WriteString("file", stage.File);
        json.WriteString("sha256", stage.Sha256);
        if (stage.DataSha256 is not null)
        {
            json.WriteString("dataSha256", stage.DataSha256);
        }

        json.WriteStringArray("nodes", stage.Nodes);
        json.WriteStartArray("inputs");
        foreach (var input in stage.Inputs)
        {
            WriteTensorHead(json, input);
            json.WritePropertyName("from");
            if (input.FromStage is int from)
            {
                json.WriteNumberValue(from);
            }
            else
            {
                json.WriteStringValue("input");
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("outputs");
        foreach (var output in stage.Outputs)
        {
            WriteTensorHead(json, output);
            json.WriteStartArray("to");
            foreach (int to in output.ToStages)
            {
                json.WriteNumberValue(to);
            }

            if (output.ToOutput)
            {
                json.WriteStringValue("output");
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteCount("flops", stage.Flops);
        json.WriteNumber("parameterBytes", stage.ParameterBytes);
        json.WriteNumber("peakActivationBytes", stage.PeakActivationBytes);
        Significant(json, "predictedMs", stage.PredictedMs);
        Significant(json, "energyJ", stage.EnergyJ);
        Significant(json, "cru", stage.Cru);
        Significant(json, "sru", stage.Sru);
        json.WriteEndObject();
    }

    private static void WriteTensorHead(Utf8JsonWriter json, PlanTensor tensor)
    {
        json.WriteStartObject();
        json.WriteString("name", tensor.Name);
        json.WriteString("type", tensor.Type);
        json.WriteNumberArray("shape", tensor.Shape);
    }

    private static void WriteTransfer(Utf8JsonWriter json, PlanTransfer transfer)
    {
        json.WriteStartObject();
        StageOrEnd(json, "fromStage", transfer.FromStage, "input");
        StageOrEnd(json, "toStage", transfer.ToStage, "output");
        json.WriteStringArray("route", transfer.Route);
        json.WriteString("link", transfer.Link);
        json.WriteStringArray("tensors", transfer.Tensors);
        json.WriteNumber("bytes", transfer.Bytes);
        Significant(json, "predictedMs", transfer.PredictedMs);
        Significant(json, "energyJ", transfer.EnergyJ);
        json.WriteEndObject();
    }

    private static void StageOrEnd(Utf8JsonWriter json, string name, int? stage, string end)
    {
        if (stage is int index)
        {
            json.WriteNumber(name, index);
        }
        else
        {
            json.WriteString(name, end);
        }
    }

    private static void Significant(Utf8JsonWriter json, string name, double value)
    {
        json.WritePropertyName(name);
        json.WriteRawValue(FormatSignificant(value), skipInputValidation: true);
    }

    /// <summary>6 significant digits, shortest form, lowercase exponent without <c>+</c> or leading zeros.</summary>
    internal static string FormatSignificant(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentException($"A plan holds only finite numbers; got {value}.", nameof(value));
        }

        if (value == 0)
        {
            return "0";
        }

        return JsonWriterExtensions.LowercaseExponent(value.ToString("G6", CultureInfo.InvariantCulture));
    }
}
