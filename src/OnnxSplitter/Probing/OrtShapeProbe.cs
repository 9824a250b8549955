using Google.Protobuf;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using PartitionCompiler.OnnxSplitter.Proto;
using PartitionCompiler.OnnxSplitter.Reading;
using PartitionCompiler.Partitioning.Diagnostics;
using PartitionCompiler.Partitioning.Graph;
using PartitionCompiler.Partitioning.Manifest;

namespace PartitionCompiler.OnnxSplitter.Probing;

/// <summary>
/// Asks ONNX Runtime for the types of tensors that static inference could not decide: exposes them as extra graph
/// outputs of a copy of the model, runs it once on zeros (graph inputs at their pinned shapes) and reads the element
/// type and shape of each result. Weights stay where they are (external data is read from the model's folder).
/// </summary>
public static class OrtShapeProbe
{
    /// <summary>
    /// The types ONNX Runtime produced for <paramref name="tensorNames"/> (node outputs of the main graph; other names
    /// are ignored, and so are results that are not tensors). Returns null after a PC0115 warning when the model cannot
    /// be run.
    /// </summary>
    /// <param name="pins">Graph input shapes; an input not pinned uses its declared shape, with a symbolic dim 0 as 1.</param>
    public static IReadOnlyDictionary<string, TensorType>? Probe(
        OnnxModel model, IReadOnlyList<string> tensorNames, IReadOnlyList<InputPin> pins, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(tensorNames);
        ArgumentNullException.ThrowIfNull(pins);
        ArgumentNullException.ThrowIfNull(diagnostics);

        var produced = new HashSet<string>(model.Spec.Nodes.SelectMany(n => n.Outputs), StringComparer.Ordinal);
        var wanted = tensorNames.Where(n => n.Length > 0 && produced.Contains(n)).Distinct(StringComparer.Ordinal).ToList();
        if (wanted.Count == 0)
        {
            return new Dictionary<string, TensorType>(StringComparer.Ordinal);
        }

        void Warn(string reason) =>
            diagnostics.Add(DiagnosticCatalog.OrtProbeFailed, model.Location, wanted.Count, wanted[0], reason);

        var inputShapes = new List<(string Name, ElementType Type, long[] Shape)>();
        foreach (var input in model.Spec.Inputs)
        {
            if (ProbeShape(input, pins, out var shape, out string? problem) is not { } type)
            {
                Warn(problem!);
                return null;
            }

            inputShapes.Add((input.Name, type, shape));
        }

        var probe = model.Proto.Clone();
        var existing = new HashSet<string>(probe.Graph.Output.Select(o => o.Name), StringComparer.Ordinal);
        foreach (string name in wanted.Where(existing.Add))
        {
            probe.Graph.Output.Add(new ValueInfoProto { Name = name });
        }

        var results = new Dictionary<string, TensorType>(StringComparer.Ordinal);
        var inputs = new List<OrtValue>();
        try
        {
            using var options = new SessionOptions
            {
                GraphOptimizationLevel = GraphOptimizationLevel.ORT_DISABLE_ALL,
                LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_FATAL,
                IntraOpNumThreads = 1,
            };
            options.AddSessionConfigEntry("session.model_external_initializers_file_folder_path", model.Folder);
            using var session = new InferenceSession(probe.ToByteArray(), options);
            foreach (var (_, type, shape) in inputShapes)
            {
                inputs.Add(Zeros(type, shape));
            }

            using var runOptions = new RunOptions { LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_FATAL };
            using var outputs = session.Run(runOptions, inputShapes.Select(i => i.Name).ToList(), inputs, wanted);
            int index = 0;
            foreach (var value in outputs)
            {
                if (value.OnnxType == OnnxValueType.ONNX_TYPE_TENSOR)
                {
                    var info = value.GetTensorTypeAndShape();
                    results[wanted[index]] = new TensorType((ElementType)(int)info.ElementDataType, TensorShape.Of(info.Shape));
                }

                index++;
            }
        }
        catch (OnnxRuntimeException e)
        {
            Warn(OneLine(e.Message));
            return null;
        }
        finally
        {
            foreach (var value in inputs)
            {
                value.Dispose();
            }
        }

        return results;
    }

    /// <summary>The element type and concrete shape to feed for a graph input, or null with the reason it has none.</summary>
    private static ElementType? ProbeShape(ValueSpec input, IReadOnlyList<InputPin> pins, out long[] shape, out string? problem)
    {
        shape = [];
        problem = null;
        if (input.Type is not { } type || type.ElementType == ElementType.Undefined)
        {
            problem = $"graph input '{input.Name}' is not a tensor of a known element type";
            return null;
        }

        if (pins.FirstOrDefault(p => p.Name == input.Name) is { } pin)
        {
            shape = [.. pin.Dims];
            return type.ElementType;
        }

        if (type.Shape is not { } declared)
        {
            problem = $"graph input '{input.Name}' has no declared shape; pin it with --input {input.Name}=DIMS";
            return null;
        }

        shape = new long[declared.Rank];
        for (int i = 0; i < declared.Rank; i++)
        {
            if (declared[i].Value is long value)
            {
                shape[i] = value;
            }
            else if (i == 0)
            {
                shape[i] = 1;
            }
            else
            {
                problem = $"dim {i} of graph input '{input.Name}' is symbolic ('{declared[i]}'); pin it with --input {input.Name}=DIMS";
                return null;
            }
        }

        return type.ElementType;
    }

    private static OrtValue Zeros(ElementType type, long[] shape)
    {
        if (type == ElementType.String)
        {
            return OrtValue.CreateTensorWithEmptyStrings(OrtAllocator.DefaultInstance, shape);
        }

        var value = OrtValue.CreateAllocatedTensorValue(OrtAllocator.DefaultInstance, (TensorElementType)(int)type, shape);
        value.GetTensorMutableRawData().Clear();
        return value;
    }

    private static string OneLine(string text) =>
        string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
