using System.Runtime.InteropServices;
using Google.Protobuf;
using Microsoft.ML.OnnxRuntime;
using PartitionCompiler.OnnxSplitter.Proto;
using PartitionCompiler.OnnxSplitter.Reading;
using PartitionCompiler.Partitioning.Diagnostics;
using PartitionCompiler.Partitioning.Graph;
using PartitionCompiler.Partitioning.Shapes;
using Xunit;

namespace PartitionCompiler.TestSupport.Partitions;

/// <summary>
/// Turns a model whose weights are one constant (the corpus' <c>ConstantOfShape</c> fills of 0.02) into one with seeded
/// random weights of the same shapes, so that a misrouted tensor changes the result and cannot pass the proof. Every
/// float32 weight producer becomes an initializer of its output's name and every float32 initializer gets new values;
/// other weights (shape and axis constants) stay as they are, and initializers nothing reads any more are dropped.
/// </summary>
/// <remarks>
/// Values keep activations in a useful range through deep models: weights of rank 2 or more are uniform in
/// ±sqrt(6 / fan_in) (fan_in = the product of all dims but the first, He et al., "Delving deep into rectifiers", ICCV
/// 2015), other weights uniform in ±0.05, and BatchNormalization's scale and variance uniform in [0.5, 1.5].
/// Where a graph output is a Softmax, the layer that computes its logits is scaled (one ONNX Runtime run) so the
/// largest logit magnitude is <see cref="LogitScale"/>: a saturated softmax would hide a wrong input of the last stage.
/// </remarks>
public static class WeightRefill
{
    public static OnnxModel Refill(OnnxModel model, int seed)
    {
        var diagnostics = new DiagnosticBag();
        var graph = GraphBuilder.Build(model.Spec, model.Location, diagnostics)!;
        var types = ShapeInference.Infer(graph, [], diagnostics);
        var random = new Xoshiro((ulong)seed);
        var original = model.Proto;
        var refilled = original.Clone();
        var target = refilled.Graph;
        target.Node.Clear();
        target.Initializer.Clear();

        var roles = Roles(original.Graph);
        var newInitializers = new List<TensorProto>();
        foreach (var node in graph.Nodes)
        {
            var proto = original.Graph.Node[node.Index];
            var outputs = node.Spec.Outputs.Where(o => o.Length > 0).ToList();
            bool replace = node.IsWeight && outputs.All(o => types.TypeOf(o) is { ElementType: ElementType.Float32, Shape.IsFullyKnown: true });
            if (!replace)
            {
                target.Node.Add(proto);
                continue;
            }

            foreach (string output in outputs)
            {
                newInitializers.Add(Random(output, types.TypeOf(output)!.Shape!.ToArray(), roles.GetValueOrDefault(output), random));
            }
        }

        foreach (var initializer in original.Graph.Initializer)
        {
            newInitializers.Add(initializer.DataType == (int)ElementType.Float32
                ? Random(initializer.Name, [.. initializer.Dims], roles.GetValueOrDefault(initializer.Name), random)
                : initializer);
        }

        // Keep what some node (or subgraph) still reads, and every graph output.
        var read = new HashSet<string>(target.Node.SelectMany(n => n.Input.Concat(OuterReads(n))), StringComparer.Ordinal);
        read.UnionWith(target.Output.Select(o => o.Name));
        target.Initializer.Add(newInitializers.Where(i => read.Contains(i.Name)));
        var kept = new HashSet<string>(target.Initializer.Select(i => i.Name), StringComparer.Ordinal);
        var initializerNames = new HashSet<string>(original.Graph.Initializer.Select(i => i.Name), StringComparer.Ordinal);
        var inputs = target.Input.Where(i => !initializerNames.Contains(i.Name) || kept.Contains(i.Name)).ToList();
        if (original.IrVersion < 4)
        {
            // IR < 4: every initializer is also a graph input.
            var listed = new HashSet<string>(inputs.Select(i => i.Name), StringComparer.Ordinal);
            foreach (var initializer in target.Initializer.Where(i => !listed.Contains(i.Name)))
            {
                inputs.Add(InputFor(initializer));
            }
        }

        target.Input.Clear();
        target.Input.Add(inputs);
        CalibrateLogits(refilled);
        byte[] bytes = refilled.ToByteArray();
        var result = OnnxModelReader.Read(bytes, model.Path, model.Folder, diagnostics);
        Assert.True(result is not null, string.Join("\n", diagnostics.Items));
        return result!;
    }

    /// <summary>The largest logit magnitude a Softmax graph output sees after <see cref="Refill"/>.</summary>
    public const float LogitScale = 4f;

    /// <summary>Operators that commute with a positive scale of their (first) input.</summary>
    private static readonly HashSet<string> ScaleInvariant = new(StringComparer.Ordinal)
    {
        "Relu", "MaxPool", "AveragePool", "GlobalAveragePool", "GlobalMaxPool", "Reshape", "Flatten", "Dropout", "Identity",
        "Squeeze", "Unsqueeze", "Transpose",
    };

    /// <summary>Scales the weights of the layer that makes each Softmax graph output's logits (see the remarks).</summary>
    private static void CalibrateLogits(ModelProto model)
    {
        var graph = model.Graph;
        var producers = new Dictionary<string, NodeProto>(StringComparer.Ordinal);
        foreach (var node in graph.Node)
        {
            foreach (string output in node.Output)
            {
                producers[output] = node;
            }
        }

        var initializers = graph.Initializer.ToDictionary(i => i.Name, StringComparer.Ordinal);
        foreach (var output in graph.Output)
        {
            if (!producers.TryGetValue(output.Name, out var softmax) || softmax.OpType != "Softmax")
            {
                continue;
            }

            string logits = softmax.Input[0];
            var layer = producers.GetValueOrDefault(logits);
            while (layer is not null && ScaleInvariant.Contains(layer.OpType))
            {
                layer = producers.GetValueOrDefault(layer.Input[0]);
            }

            var weights = layer?.Input.Where(i => initializers.TryGetValue(i, out var w) && w.DataType == (int)ElementType.Float32).ToList();
            if (weights is not { Count: > 0 })
            {
                continue;
            }

            float largest = LargestMagnitude(model, logits);
            if (largest > 0 && float.IsFinite(largest))
            {
                foreach (string weight in weights)
                {
                    Scale(initializers[weight], LogitScale / largest);
                }
            }
        }
    }

    /// <summary>The largest |value| of one tensor when the model runs on uniform [-1, 1] float inputs.</summary>
    private static float LargestMagnitude(ModelProto model, string tensor)
    {
        // A new envelope around the same nodes and weights (no copy of the weights).
        var probe = new ModelProto { IrVersion = model.IrVersion, Graph = new GraphProto { Name = model.Graph.Name } };
        probe.OpsetImport.Add(model.OpsetImport);
        probe.Graph.Node.Add(model.Graph.Node);
        probe.Graph.Initializer.Add(model.Graph.Initializer);
        probe.Graph.Input.Add(model.Graph.Input);
        probe.Graph.Output.Add(new ValueInfoProto { Name = tensor });
        var initializers = new HashSet<string>(probe.Graph.Initializer.Select(i => i.Name), StringComparer.Ordinal);
        var random = new Random(1);
        var names = new List<string>();
        var values = new List<OrtValue>();
        try
        {
            foreach (var input in probe.Graph.Input.Where(i => !initializers.Contains(i.Name)))
            {
                long[] shape = input.Type.TensorType.Shape.Dim.Select(d => d.HasDimValue ? d.DimValue : 1).ToArray();
                var data = new float[shape.Aggregate(1L, (a, d) => a * d)];
                for (int i = 0; i < data.Length; i++)
                {
                    data[i] = (float)((random.NextDouble() * 2) - 1);
                }

                names.Add(input.Name);
                values.Add(OrtValue.CreateTensorValueFromMemory(data, shape));
            }

            using var options = new SessionOptions
            {
                LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_FATAL,
                GraphOptimizationLevel = GraphOptimizationLevel.ORT_DISABLE_ALL,
            };
            options.AddSessionConfigEntry("session.disable_prepacking", "1");
            using var session = new InferenceSession(probe.ToByteArray(), options);
            using var runOptions = new RunOptions();
            using var results = session.Run(runOptions, names, values, [tensor]);
            float largest = 0;
            foreach (float value in results[0].GetTensorDataAsSpan<float>())
            {
                largest = Math.Max(largest, Math.Abs(value));
            }

            return largest;
        }
        finally
        {
            foreach (var value in values)
            {
                value.Dispose();
            }
        }
    }

    private static void Scale(TensorProto tensor, float factor)
    {
        var bytes = tensor.RawData.ToByteArray();
        var values = MemoryMarshal.Cast<byte, float>(bytes.AsSpan());
        for (int i = 0; i < values.Length; i++)
        {
            values[i] *= factor;
        }

        tensor.RawData = UnsafeByteOperations.UnsafeWrap(bytes);
    }

    /// <summary>Which input of a BatchNormalization a tensor feeds (1 scale, 2 bias, 3 mean, 4 variance), by name.</summary>
    private static Dictionary<string, int> Roles(GraphProto graph)
    {
        var roles = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var node in graph.Node.Where(n => n.OpType == "BatchNormalization"))
        {
            for (int i = 1; i < node.Input.Count; i++)
            {
                roles.TryAdd(node.Input[i], i);
            }
        }

        return roles;
    }

    private static TensorProto Random(string name, long[] dims, int batchNormRole, Xoshiro random)
    {
        long count = dims.Aggregate(1L, (a, d) => a * d);
        var bytes = new byte[count * sizeof(float)];
        var values = MemoryMarshal.Cast<byte, float>(bytes.AsSpan());
        long fanIn = dims.Length >= 2 ? dims.Skip(1).Aggregate(1L, (a, d) => a * d) : 0;
        (float low, float high) = batchNormRole switch
        {
            1 or 4 => (0.5f, 1.5f),
            2 or 3 => (-0.05f, 0.05f),
            _ when fanIn > 0 => (-MathF.Sqrt(6f / fanIn), MathF.Sqrt(6f / fanIn)),
            _ => (-0.05f, 0.05f),
        };
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = low + ((high - low) * random.NextFloat());
        }

        var tensor = OnnxTensors.Header(name, ElementType.Float32, dims);
        tensor.RawData = UnsafeByteOperations.UnsafeWrap(bytes);
        return tensor;
    }

    private static ValueInfoProto InputFor(TensorProto initializer) => new()
    {
        Name = initializer.Name,
        Type = OnnxTensors.TypeOf((ElementType)initializer.DataType, [.. initializer.Dims.Select(d => new Dim(d))]),
    };

    private static IEnumerable<string> OuterReads(NodeProto node) => OuterScope.HasSubgraphs(node) ? OuterScope.ReadsOf(node) : [];

    /// <summary>xoshiro128** (Blackman and Vigna, 2018): fast, seeded, the same sequence on every platform.</summary>
    private sealed class Xoshiro
    {
        private uint _s0;
        private uint _s1;
        private uint _s2;
        private uint _s3;

        public Xoshiro(ulong seed)
        {
            // splitmix64 spreads the seed over the state.
            ulong z = seed;
            ulong Next()
            {
                z += 0x9E3779B97F4A7C15UL;
                ulong x = z;
                x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
                x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
                return x ^ (x >> 31);
            }

            ulong a = Next();
            ulong b = Next();
            (_s0, _s1, _s2, _s3) = ((uint)a, (uint)(a >> 32), (uint)b, (uint)(b >> 32) | 1);
        }

        /// <summary>Uniform in [0, 1).</summary>
        public float NextFloat()
        {
            uint result = uint.RotateLeft(_s1 * 5, 7) * 9;
            uint t = _s1 << 9;
            _s2 ^= _s0;
            _s3 ^= _s1;
            _s1 ^= _s2;
            _s0 ^= _s3;
            _s2 ^= t;
            _s3 = uint.RotateLeft(_s3, 11);
            return (result >> 8) * (1f / (1 << 24));
        }
    }
}
