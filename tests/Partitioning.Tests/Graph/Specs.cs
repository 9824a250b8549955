using PartitionCompiler.Partitioning.Collections;
using PartitionCompiler.Partitioning.Diagnostics;
using PartitionCompiler.Partitioning.Graph;

namespace PartitionCompiler.Partitioning.Tests.Graph;

/// <summary>Small hand-assembled <see cref="ModelSpec"/>s for graph tests (the pure core never reads files).</summary>
internal sealed class Specs
{
    private readonly List<NodeSpec> _nodes = [];
    private readonly List<ValueSpec> _inputs = [];
    private readonly List<ValueSpec> _outputs = [];
    private readonly List<InitializerSpec> _initializers = [];
    private readonly List<ValueSpec> _valueInfos = [];

    public static readonly SourceLocation Location = new("model.onnx");

    public Specs Input(string name, params long[] dims)
    {
        _inputs.Add(new ValueSpec(name, new TensorType(ElementType.Float32, TensorShape.Of(dims))));
        return this;
    }

    public Specs Output(string name)
    {
        _outputs.Add(new ValueSpec(name, null));
        return this;
    }

    public Specs ValueInfo(string name, params long[] dims)
    {
        _valueInfos.Add(new ValueSpec(name, new TensorType(ElementType.Float32, TensorShape.Of(dims))));
        return this;
    }

    public Specs Initializer(string name, params long[] dims)
    {
        long count = dims.Aggregate(1L, (a, d) => a * d);
        _initializers.Add(new InitializerSpec(name, ElementType.Float32, dims, count * 4, null, false));
        return this;
    }

    public Specs Node(string name, string op, string[] inputs, string[] outputs, string[]? outerScope = null, bool subgraphs = false)
    {
        _nodes.Add(new NodeSpec(_nodes.Count, name, op, "", inputs, outputs, EquatableArray<AttributeValue>.Empty,
            outerScope ?? [], subgraphs));
        return this;
    }

    public ModelSpec Build() => new("g", 8, EquatableArray.Create(new OpsetImport("", 13)), "tests", _nodes.ToEquatableArray(),
        _inputs.ToEquatableArray(), _outputs.ToEquatableArray(), _initializers.ToEquatableArray(), _valueInfos.ToEquatableArray());

    /// <summary>Builds the graph and asserts that it reported nothing.</summary>
    public OperatorGraph Graph()
    {
        var diagnostics = new DiagnosticBag();
        var graph = GraphBuilder.Build(Build(), Location, diagnostics);
        Assert.Empty(diagnostics.Items);
        return graph!;
    }

    /// <summary>Builds the graph, asserts it failed, and returns what it reported.</summary>
    public IReadOnlyList<Diagnostic> Errors()
    {
        var diagnostics = new DiagnosticBag();
        Assert.Null(GraphBuilder.Build(Build(), Location, diagnostics));
        Assert.True(diagnostics.HasErrors);
        return diagnostics.Items;
    }
}
