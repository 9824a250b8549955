using System.Text.Json;
using PartitionCompiler.Partitioning.Graph;
using PartitionCompiler.Partitioning.Json;

namespace PartitionCompiler.Cli.Inspect;

/// <summary>
/// Writes <c>partc inspect --json</c>: one document <c>{ "model", "nodes", "cuts", "totals" }</c>, deterministic (same
/// model and options, same bytes): fixed member order, nodes in file order, cuts in position order, invariant numbers,
/// <c>\n</c> line ends. Types are numpy names; symbolic dims are <c>null</c>; <c>bytes</c> is <c>null</c> unless the shape is
/// fully known.
/// </summary>
internal static class InspectJsonWriter
{
    public static void Write(AnalyzedModel analyzed, string displayPath, CliConsole console)
    {
        JsonOutput.Write(console, json =>
        {
            json.WriteStartObject();
            WriteModel(json, analyzed, displayPath);
            WriteNodes(json, analyzed);
            WriteCuts(json, analyzed);
            json.WriteStartObject("totals");
            json.WriteCount("flops", analyzed.Costs.TotalFlops);
            json.WriteNumber("parameterBytes", analyzed.Costs.TotalParameterBytes);
            json.WriteEndObject();
            json.WriteEndObject();
        });
    }

    private static void WriteModel(Utf8JsonWriter json, AnalyzedModel analyzed, string displayPath)
    {
        var spec = analyzed.Model.Spec;
        json.WriteStartObject("model");
        json.WriteString("path", displayPath.Replace('\\', '/'));
        json.WriteString("sha256", analyzed.Model.Sha256);
        json.WriteString("graph", spec.GraphName);
        json.WriteString("producer", spec.ProducerName);
        json.WriteNumber("irVersion", spec.IrVersion);
        json.WriteNumber("opset", spec.DefaultOpset);
        json.WriteNumber("nodes", analyzed.Graph.PositionCount);
        json.WriteNumber("weightProducers", analyzed.Graph.Nodes.Length - analyzed.Graph.PositionCount);
        json.WriteStartArray("inputs");
        foreach (var input in spec.Inputs)
        {
            WriteTensor(json, input.Name, analyzed.Types.TypeOf(input.Name) ?? input.Type);
        }

        json.WriteEndArray();
        json.WriteStartArray("outputs");
        foreach (var output in spec.Outputs)
        {
            WriteTensor(json, output.Name, analyzed.Types.TypeOf(output.Name));
        }

        json.WriteEndArray();
        json.WriteStringArray("ortShapeFallback", analyzed.OrtShapeFallback);
        json.WriteEndObject();
    }

    private static void WriteNodes(Utf8JsonWriter json, AnalyzedModel analyzed)
    {
        json.WriteStartArray("nodes");
        foreach (var node in analyzed.Graph.Nodes)
        {
            var cost = analyzed.Costs.Nodes[node.Index];
            json.WriteStartObject();
            json.WriteString("name", node.Key);
            json.WriteString("op", node.Spec.Domain.Length == 0 ? node.OpType : $"{node.Spec.Domain}:{node.OpType}");
            json.WriteBoolean("weight", node.IsWeight);
            if (node.Position is int position)
            {
                json.WriteNumber("position", position);
            }
            else
            {
                json.WriteNull("position");
            }

            json.WriteStringArray("inputs", node.Spec.AllInputs);
            json.WriteStartArray("outputs");
            foreach (string output in node.Spec.Outputs)
            {
                if (output.Length > 0)
                {
                    WriteTensor(json, output, analyzed.Types.TypeOf(output));
                }
            }

            json.WriteEndArray();
            json.WriteCount("flops", cost.Flops);
            json.WriteNumber("parameterBytes", cost.ParameterBytes);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteCuts(Utf8JsonWriter json, AnalyzedModel analyzed)
    {
        json.WriteStartArray("cuts");
        foreach (var cut in analyzed.Costs.Cuts)
        {
            json.WriteStartObject();
            json.WriteNumber("after", cut.After);
            json.WriteStringArray("tensors", cut.Tensors);
            json.WriteNumber("bytes", cut.Bytes);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    /// <summary><c>{ "name", "type", "shape", "bytes" }</c>; unknown parts are null.</summary>
    private static void WriteTensor(Utf8JsonWriter json, string name, TensorType? type)
    {
        json.WriteStartObject();
        json.WriteString("name", name);
        if (type is null || type.ElementType == ElementType.Undefined)
        {
            json.WriteNull("type");
        }
        else
        {
            json.WriteString("type", type.ElementType.NumpyName());
        }

        if (type?.Shape is { } shape)
        {
            // One line per shape ([1,3,224,224]) keeps the document readable; the text is built from numbers and nulls only.
            json.WritePropertyName("shape");
            json.WriteRawValue("[" + string.Join(",", shape.Dims.Select(d =>
                d.Value?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "null")) + "]", skipInputValidation: true);
        }
        else
        {
            json.WriteNull("shape");
        }

        if (type?.Bytes is long bytes)
        {
            json.WriteNumber("bytes", bytes);
        }
        else
        {
            json.WriteNull("bytes");
        }

        json.WriteEndObject();
    }
}
