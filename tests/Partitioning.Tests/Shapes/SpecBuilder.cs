using PartitionCompiler.Partitioning.Collections;
using PartitionCompiler.Partitioning.Diagnostics;
using PartitionCompiler.Partitioning.Graph;
using PartitionCompiler.Partitioning.Manifest;
using PartitionCompiler.Partitioning.Shapes;

namespace PartitionCompiler.Partitioning.Tests.Shapes;

/// <summary>Builds small <see cref="ModelSpec"/>s in code for shape and cost tests (no ONNX file involved).</summary>
internal sealed class SpecBuilder
{
    private readonly List<NodeSpec> _nodes = [];
    private readonly List<ValueSpec> _inputs = [];
    private readonly List<ValueSpec> _outputs = [];
    private readonly List<ValueSpec> _valueInfos = [];
    private readonly List<InitializerSpec> _initializers = [];

    public SpecBuilder(long opset = 13) => Opset = opset;

    public long Opset { get; }

    /// <summary>A float32 graph input; use <see cref="Dim.Symbolic"/> for symbolic dims.</summary>
    public SpecBuilder Input(string name, params Dim[] dims) => Input(name, ElementType.Float32, dims);

    public SpecBuilder Input(string name, ElementType type, params Dim[] dims)
    {
        _inputs.Add(new ValueSpec(name, new TensorType(type, new TensorShape(dims.ToEquatableArray()))));
        return this;
    }

    /// <summary>A float32 initializer that keeps no values (a large weight).</summary>
    public SpecBuilder Weight(string name, params long[] dims)
    {
        long count = dims.Aggregate(1L, (a, d) => a * d);
        _initializers.Add(new InitializerSpec(name, ElementType.Float32, dims, count * 4, null, false));
        return this;
    }

    /// <summary>A small int64 initializer with its values (axes, shapes, pads).</summary>
    public SpecBuilder Ints(string name, long[] dims, params long[] values)
    {
        var tensor = ConstantTensor.FromIntegers(ElementType.Int64, dims, values);
        _initializers.Add(new InitializerSpec(name, ElementType.Int64, dims, values.Length * 8L, tensor, false));
        return this;
    }

    /// <summary>A 1-D int64 initializer.</summary>
    public SpecBuilder Ints(string name, params long[] values) => Ints(name, [values.Length], values);

    /// <summary>A small float32 initializer with its values (scales).</summary>
    public SpecBuilder Reals(string name, params double[] values)
    {
        var tensor = ConstantTensor.FromReals(ElementType.Float32, [values.Length], values);
        _initializers.Add(new InitializerSpec(name, ElementType.Float32, new long[] { values.Length }, values.Length * 4L, tensor, false));
        return this;
    }

    /// <summary>A node named after its first output (or <paramref name="name"/>).</summary>
    public SpecBuilder Node(string op, string[] inputs, string[] outputs, params AttributeValue[] attributes) =>
        NamedNode(outputs.FirstOrDefault(o => o.Length > 0) ?? op, op, inputs, outputs, attributes);

    public SpecBuilder NamedNode(string name, string op, string[] inputs, string[] outputs, params AttributeValue[] attributes)
    {
        _nodes.Add(new NodeSpec(_nodes.Count, name, op, "", inputs, outputs, attributes, EquatableArray<string>.Empty, false));
        return this;
    }

    /// <summary>Adds a raw node (other domains, subgraphs).</summary>
    public SpecBuilder RawNode(Func<int, NodeSpec> create)
    {
        _nodes.Add(create(_nodes.Count));
        return this;
    }

    public SpecBuilder Output(params string[] names)
    {
        _outputs.AddRange(names.Select(n => new ValueSpec(n, null)));
        return this;
    }

    public SpecBuilder ValueInfo(string name, TensorType type)
    {
        _valueInfos.Add(new ValueSpec(name, type));
        return this;
    }

    public ModelSpec Build() => new(
        "test", 8, EquatableArray.Create(new OpsetImport("", Opset)), "tests", _nodes.ToEquatableArray(),
        _inputs.ToEquatableArray(), _outputs.ToEquatableArray(), _initializers.ToEquatableArray(), _valueInfos.ToEquatableArray());

    /// <summary>The operator graph; fails the test if the structure is invalid.</summary>
    public OperatorGraph Graph()
    {
        var bag = new DiagnosticBag();
        var graph = GraphBuilder.Build(Build(), new SourceLocation("test.onnx"), bag);
        Assert.True(graph is not null, string.Join("\n", bag.Items));
        return graph!;
    }

    /// <summary>Runs shape inference and returns the result with its diagnostics.</summary>
    public (InferredTypes Types, DiagnosticBag Diagnostics, OperatorGraph Graph) Infer(
        IReadOnlyList<InputPin>? pins = null, IReadOnlyDictionary<string, TensorType>? knownTypes = null)
    {
        var graph = Graph();
        var bag = new DiagnosticBag();
        var types = ShapeInference.Infer(graph, pins ?? [], bag, knownTypes, new SourceLocation("test.onnx"));
        return (types, bag, graph);
    }

    /// <summary>Infers and asserts that no diagnostic was reported.</summary>
    public InferredTypes InferClean(IReadOnlyList<InputPin>? pins = null)
    {
        var (types, bag, _) = Infer(pins);
        Assert.True(bag.Items.Count == 0, string.Join("\n", bag.Items));
        return types;
    }
}

/// <summary>Attribute factories for <see cref="SpecBuilder"/>.</summary>
internal static class Attr
{
    public static AttributeValue Int(string name, long value) => new(name, AttributeKind.Int) { Int = value };

    public static AttributeValue Ints(string name, params long[] values) => new(name, AttributeKind.Ints) { Ints = values };

    public static AttributeValue Float(string name, double value) => new(name, AttributeKind.Float) { Float = value };

    public static AttributeValue Floats(string name, params double[] values) => new(name, AttributeKind.Floats) { Floats = values };

    public static AttributeValue String(string name, string value) => new(name, AttributeKind.String) { String = value };

    public static AttributeValue Tensor(string name, ConstantTensor tensor) => new(name, AttributeKind.Tensor) { Tensor = tensor };
}

/// <summary>Assertions on inferred types.</summary>
internal static class ShapeAssert
{
    /// <summary>Asserts the tensor's shape, written like <c>"[1,64,55,55]"</c> (symbolic dims by symbol or <c>?</c>).</summary>
    public static void Shape(InferredTypes types, string tensor, string expected)
    {
        var type = types.TypeOf(tensor);
        Assert.NotNull(type);
        Assert.Equal(expected, type.Shape?.ToString());
    }

    public static void Type(InferredTypes types, string tensor, ElementType elementType, string shape)
    {
        Shape(types, tensor, shape);
        Assert.Equal(elementType, types.TypeOf(tensor)!.ElementType);
    }

    /// <summary>Asserts exactly one diagnostic with the code, and returns it.</summary>
    public static Diagnostic Single(DiagnosticBag bag, string code)
    {
        var diagnostic = Assert.Single(bag.Items);
        Assert.Equal(code, diagnostic.Code);
        return diagnostic;
    }
}
