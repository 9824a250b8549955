using Google.Protobuf;
using PartitionCompiler.OnnxSplitter.Proto;
using PartitionCompiler.Partitioning.Graph;

namespace PartitionCompiler.TestSupport;

/// <summary>A node attribute for <see cref="OnnxModelBuilder"/> (ONNX <c>AttributeProto</c>).</summary>
public sealed class OnnxAttribute
{
    private OnnxAttribute(AttributeProto proto) => Proto = proto;

    internal AttributeProto Proto { get; }

    public string Name => Proto.Name;

    public static OnnxAttribute Int(string name, long value) =>
        new(new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Int, I = value });

    public static OnnxAttribute Ints(string name, params long[] values)
    {
        var proto = new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Ints };
        proto.Ints.Add(values);
        return new(proto);
    }

    public static OnnxAttribute Float(string name, float value) =>
        new(new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Float, F = value });

    public static OnnxAttribute Floats(string name, params float[] values)
    {
        var proto = new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Floats };
        proto.Floats.Add(values);
        return new(proto);
    }

    public static OnnxAttribute String(string name, string value) =>
        new(new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.String, S = ByteString.CopyFromUtf8(value) });

    public static OnnxAttribute Strings(string name, params string[] values)
    {
        var proto = new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Strings };
        proto.Strings.Add(values.Select(ByteString.CopyFromUtf8));
        return new(proto);
    }

    /// <summary>A tensor attribute holding int64 values.</summary>
    public static OnnxAttribute Tensor(string name, long[] dims, long[] values) =>
        TensorOf(name, OnnxTensors.Int64(name, dims, values, raw: true));

    /// <summary>A tensor attribute holding float32 values.</summary>
    public static OnnxAttribute Tensor(string name, long[] dims, float[] values) =>
        TensorOf(name, OnnxTensors.Float32(name, dims, values, raw: true));

    /// <summary>A tensor attribute of any element type, from little-endian bytes.</summary>
    public static OnnxAttribute Tensor(string name, ElementType type, long[] dims, byte[] rawData) =>
        TensorOf(name, OnnxTensors.Raw(name, type, dims, rawData));

    /// <summary>A graph attribute (the body of <c>If</c>, <c>Loop</c>, <c>Scan</c>).</summary>
    public static OnnxAttribute Graph(string name, OnnxGraphBuilder graph) =>
        new(new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Graph, G = graph.BuildGraph() });

    /// <summary>An attribute whose <c>type</c> field is left out, as files from early exporters do.</summary>
    public OnnxAttribute WithoutTypeField()
    {
        var copy = Proto.Clone();
        copy.ClearType();
        return new(copy);
    }

    private static OnnxAttribute TensorOf(string name, TensorProto tensor)
    {
        tensor.ClearName();
        return new(new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Tensor, T = tensor });
    }
}
