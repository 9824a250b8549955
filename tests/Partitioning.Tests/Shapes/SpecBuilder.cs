using PartitionCompiler.Partitioning.Collections;
using PartitionCompiler.Partitioning.Diagnostics;
using PartitionCompiler.Partitioning.Graph;
using PartitionCompiler.Partitioning.Manifest;
using PartitionCompiler.Partitioning.Shapes;

namespace PartitionCompiler.Partitioning.Tests.Shapes;

/// <summary>Builds small <see cref="ModelSpec"/>s in code for graph, shape, cost and solver tests (the pure core never
/// reads files).</summary>
internal sealed class SpecBuilder
{
    private readonly List<NodeSpec> _nodes = [];
    private readonly List<ValueSpec> _inputs = [];
    private readonly List<ValueSpec> _outputs = [];
    private readonly List<ValueSpec> _valueInfos = [];
    private readonly List<InitializerSpec> _initializers = [];

    /// <summary>Where diagnostics about the built model point.</summary>
    public static readonly SourceLocation Location = new("test.onnx");

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

    /// <summary>A node with subgraphs (<c>If</c>, <c>Loop</c>) whose bodies read <paramref name="outerScope"/> from the main graph.</summary>
    public SpecBuilder SubgraphNode(string name, string op, string[] inputs, string[] outputs, params string[] outerScope)
    {
        _nodes.Add(new NodeSpec(_nodes.Count, name, op, "", inputs, outputs, EquatableArray<AttributeValue>.Empty, outerScope, true));
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

    /// <summary>A float32 value info (a declared intermediate type).</summary>
    public SpecBuilder ValueInfo(string name, params Dim[] dims) =>
        ValueInfo(name, new TensorType(ElementType.Float32, new TensorShape(dims.ToEquatableArray())));

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
        var graph = GraphBuilder.Build(Build(), Location, bag);
        Assert.True(graph is not null, string.Join("\n", bag.Items));
        return graph!;
    }

    /// <summary>Builds the graph, asserts it failed, and returns what it reported.</summary>
    public IReadOnlyList<Diagnostic> Errors()
    {
        var bag = new DiagnosticBag();
        Assert.Null(GraphBuilder.Build(Build(), Location, bag));
        Assert.True(bag.HasErrors);
        return bag.Items;
    }

    /// <summary>Runs shape inference and returns the result with its diagnostics.</summary>
    public (InferredTypes Types, DiagnosticBag Diagnostics, OperatorGraph Graph) Infer(
        IReadOnlyList<InputPin>? pins = null, IReadOnlyDictionary<string, TensorType>? knownTypes = null)
    {
        var graph = Graph();
        var bag = new DiagnosticBag();
        var types = ShapeInference.Infer(graph, pins ?? [], bag, knownTypes, Location);
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
