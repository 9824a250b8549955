using PartitionCompiler.OnnxSplitter.Proto;
using PartitionCompiler.Partitioning.Graph;

namespace PartitionCompiler.TestSupport;

/// <summary>
/// The graph part of the test model builder: inputs, outputs, value_info, weights with seeded random values, small
/// constants and nodes, in the order they are added. <see cref="OnnxModelBuilder"/> builds a whole model on it and
/// <see cref="OnnxGraphBuilder"/> a subgraph (an <c>If</c> branch).
/// </summary>
public abstract class OnnxGraphBuilderBase<TSelf>
    where TSelf : OnnxGraphBuilderBase<TSelf>
{
    private readonly List<ValueInfoProto> _inputs = [];
    private readonly List<ValueInfoProto> _outputs = [];
    private readonly List<ValueInfoProto> _valueInfos = [];
    private readonly List<NodeProto> _nodes = [];
    private readonly List<InitializerEntry> _initializers = [];
    private readonly Random _random;
    private string _name = "graph";
    private WeightStyle _weightStyle = WeightStyle.Initializer;

    protected OnnxGraphBuilderBase(int seed) => _random = new Random(seed);

    /// <summary>An initializer before encoding: float32 or int64 values (or raw bytes for other types).</summary>
    internal sealed record InitializerEntry(string Name, ElementType Type, long[] Dims, float[]? Floats, long[]? Longs, byte[]? Raw);

    internal IReadOnlyList<InitializerEntry> Initializers => _initializers;

    private TSelf Self => (TSelf)this;

    public TSelf Named(string name)
    {
        _name = name;
        return Self;
    }

    /// <summary>How later <see cref="Weight(string, long[])"/> calls store their weight.</summary>
    public TSelf WeightsAs(WeightStyle style)
    {
        _weightStyle = style;
        return Self;
    }

    /// <summary>A graph input with a shape (no dims: a scalar); <see cref="Dim.Symbolic"/> dims become <c>dim_param</c>s.</summary>
    public TSelf Input(string name, ElementType type, params Dim[] dims)
    {
        _inputs.Add(new ValueInfoProto { Name = name, Type = OnnxTensors.TypeOf(type, dims) });
        return Self;
    }

    /// <summary>A graph input whose type records no shape at all.</summary>
    public TSelf InputWithoutShape(string name, ElementType type)
    {
        _inputs.Add(new ValueInfoProto { Name = name, Type = OnnxTensors.TypeOf(type, null) });
        return Self;
    }

    /// <summary>A graph output with a shape.</summary>
    public TSelf Output(string name, ElementType type, params Dim[] dims)
    {
        _outputs.Add(new ValueInfoProto { Name = name, Type = OnnxTensors.TypeOf(type, dims) });
        return Self;
    }

    /// <summary>A graph output whose type records no shape.</summary>
    public TSelf OutputWithoutShape(string name, ElementType type = ElementType.Float32)
    {
        _outputs.Add(new ValueInfoProto { Name = name, Type = OnnxTensors.TypeOf(type, null) });
        return Self;
    }

    /// <summary>A value_info entry (the file's record of an intermediate tensor's type).</summary>
    public TSelf ValueInfo(string name, ElementType type, params Dim[] dims)
    {
        _valueInfos.Add(new ValueInfoProto { Name = name, Type = OnnxTensors.TypeOf(type, dims) });
        return Self;
    }

    /// <summary>A float32 weight with seeded random values in [-0.1, 0.1), stored as <see cref="WeightsAs"/> says.</summary>
    public TSelf Weight(string name, params long[] dims)
    {
        long count = dims.Aggregate(1L, (a, d) => a * d);
        switch (_weightStyle)
        {
            case WeightStyle.ConstantOfShape:
                _initializers.Add(new InitializerEntry(name + "__SHAPE", ElementType.Int64, [dims.Length], null, dims, null));
                return Node("ConstantOfShape", [name + "__SHAPE"], [name], name + "_fill",
                    OnnxAttribute.Tensor("value", [1], [0.02f]));
            case WeightStyle.ConstantNode:
                return Node("Constant", [], [name], name + "_const", OnnxAttribute.Tensor("value", dims, RandomFloats(count)));
            default:
                _initializers.Add(new InitializerEntry(name, ElementType.Float32, dims, RandomFloats(count), null, null));
                return Self;
        }
    }

    /// <summary>An int64 initializer with the given values (shapes, axes, starts...); a 1-D tensor unless dims are given.</summary>
    public TSelf Constant(string name, long[] values, long[]? dims = null)
    {
        _initializers.Add(new InitializerEntry(name, ElementType.Int64, dims ?? [values.Length], null, values, null));
        return Self;
    }

    /// <summary>A float32 initializer with the given values; a 1-D tensor unless dims are given.</summary>
    public TSelf Constant(string name, float[] values, long[]? dims = null)
    {
        _initializers.Add(new InitializerEntry(name, ElementType.Float32, dims ?? [values.Length], values, null, null));
        return Self;
    }

    /// <summary>An initializer of any element type from little-endian bytes.</summary>
    public TSelf Constant(string name, ElementType type, long[] dims, byte[] rawData)
    {
        _initializers.Add(new InitializerEntry(name, type, dims, null, null, rawData));
        return Self;
    }

    /// <summary>A node in the default ONNX domain.</summary>
    public TSelf Node(string opType, string[] inputs, string[] outputs, string? name = null, params OnnxAttribute[] attributes) =>
        NodeInDomain("", opType, inputs, outputs, name, attributes);

    /// <summary>A node of an operator set domain (<c>com.microsoft</c>...).</summary>
    public TSelf NodeInDomain(string domain, string opType, string[] inputs, string[] outputs, string? name = null, params OnnxAttribute[] attributes)
    {
        var node = new NodeProto { OpType = opType };
        if (domain.Length > 0)
        {
            node.Domain = domain;
        }

        if (name is not null)
        {
            node.Name = name;
        }

        node.Input.Add(inputs);
        node.Output.Add(outputs);
        node.Attribute.Add(attributes.Select(a => a.Proto.Clone()));
        _nodes.Add(node);
        return Self;
    }

    /// <summary>Seeded random floats in [-0.1, 0.1).</summary>
    public float[] RandomFloats(long count)
    {
        var values = new float[count];
        for (long i = 0; i < count; i++)
        {
            values[i] = (_random.NextSingle() * 0.2f) - 0.1f;
        }

        return values;
    }

    /// <summary>The graph with every initializer encoded (raw little-endian data unless <paramref name="typedFields"/>).</summary>
    internal GraphProto BuildGraph(bool typedFields = false, bool initializersAsInputs = false)
    {
        var graph = new GraphProto { Name = _name };
        graph.Node.Add(_nodes.Select(n => n.Clone()));
        graph.Input.Add(_inputs.Select(i => i.Clone()));
        foreach (var entry in _initializers)
        {
            graph.Initializer.Add(Encode(entry, typedFields));
            if (initializersAsInputs)
            {
                graph.Input.Add(new ValueInfoProto { Name = entry.Name, Type = OnnxTensors.TypeOf(entry.Type, entry.Dims.Select(d => new Dim(d)).ToArray()) });
            }
        }

        graph.Output.Add(_outputs.Select(o => o.Clone()));
        graph.ValueInfo.Add(_valueInfos.Select(v => v.Clone()));
        return graph;
    }

    private static TensorProto Encode(InitializerEntry entry, bool typedFields)
    {
        if (entry.Floats is { } floats)
        {
            return OnnxTensors.Float32(entry.Name, entry.Dims, floats, raw: !typedFields);
        }

        if (entry.Longs is { } longs)
        {
            return OnnxTensors.Int64(entry.Name, entry.Dims, longs, raw: !typedFields);
        }

        return OnnxTensors.Raw(entry.Name, entry.Type, entry.Dims, entry.Raw!);
    }
}
