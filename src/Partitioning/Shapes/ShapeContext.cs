using PartitionCompiler.Partitioning.Diagnostics;
using PartitionCompiler.Partitioning.Graph;

namespace PartitionCompiler.Partitioning.Shapes;

/// <summary>What a shape rule sees of one node: its inputs' types and folded values, its attributes, and where to put
/// its outputs and problems.</summary>
internal sealed class ShapeContext
{
    private readonly ShapeState _state;
    private readonly DiagnosticBag _diagnostics;
    private readonly SourceLocation? _location;

    public ShapeContext(GraphNode node, long opset, ShapeState state, DiagnosticBag diagnostics, SourceLocation? location)
    {
        GraphNode = node;
        Node = node.Spec;
        Opset = opset;
        _state = state;
        _diagnostics = diagnostics;
        _location = location;
        OutputTypes = new TensorType?[Node.Outputs.Count];
        OutputValues = new ConstantValue?[Node.Outputs.Count];
    }

    public GraphNode GraphNode { get; }

    public NodeSpec Node { get; }

    /// <summary>The opset version of the default ONNX domain.</summary>
    public long Opset { get; }

    public TensorType?[] OutputTypes { get; }

    public ConstantValue?[] OutputValues { get; }

    /// <summary>True when the rule reported a problem; its outputs are then left undecided.</summary>
    public bool Failed { get; private set; }

    /// <summary>True when an output's shape depends on the input data (NonZero, Unique...).</summary>
    public bool DataDependent { get; private set; }

    public int InputCount => Node.Inputs.Count;

    public int OutputCount => Node.Outputs.Count;

    public bool HasInput(int index) => index < Node.Inputs.Count && Node.Inputs[index].Length > 0;

    public bool HasOutput(int index) => index < Node.Outputs.Count && Node.Outputs[index].Length > 0;

    public TensorType? InputType(int index) => HasInput(index) ? _state.TypeOf(Node.Inputs[index]) : null;

    public TensorShape? InputShape(int index) => InputType(index)?.Shape;

    public ElementType InputElementType(int index) => InputType(index)?.ElementType ?? ElementType.Undefined;

    public ConstantValue? InputValue(int index) => HasInput(index) ? _state.ValueOf(Node.Inputs[index]) : null;

    /// <summary>The known integer values of an input (axes, pads, a shape), or null.</summary>
    public long[]? InputLongs(int index) => InputValue(index) is { } value && value.TryGetLongs(out var longs) ? longs : null;

    public AttributeValue? Attribute(string name) => Node.Attribute(name);

    public long Int(string name, long defaultValue) => Node.Attribute(name) is { } a ? a.Int : defaultValue;

    public double Float(string name, double defaultValue) => Node.Attribute(name) is { } a ? a.Float : defaultValue;

    public string String(string name, string defaultValue) => Node.Attribute(name) is { } a ? a.String : defaultValue;

    /// <summary>An ints attribute, or null when absent.</summary>
    public long[]? Ints(string name) => Node.Attribute(name) is { } a ? [.. a.Ints] : null;

    /// <summary>A floats attribute, or null when absent.</summary>
    public double[]? Floats(string name) => Node.Attribute(name) is { } a ? [.. a.Floats] : null;

    public void SetOutput(int index, TensorType? type, ConstantValue? value = null)
    {
        if (index >= OutputTypes.Length || type is null || type.ElementType == ElementType.Undefined)
        {
            return;
        }

        OutputTypes[index] = type;
        OutputValues[index] = value;
    }

    public void SetOutput(int index, ElementType elementType, TensorShape? shape, ConstantValue? value = null) =>
        SetOutput(index, new TensorType(elementType, shape), value);

    /// <summary>Sets an output from a folded value (its type follows from the value).</summary>
    public void SetOutputValue(int index, ConstantValue value) => SetOutput(index, value.Type, value);

    /// <summary>Reports inputs that contradict each other or the operator (PC0125).</summary>
    public void Mismatch(string detail)
    {
        Failed = true;
        _diagnostics.Add(DiagnosticCatalog.ShapeMismatch, _location, GraphNode.Key, Node.OpType, detail);
    }

    /// <summary>Reports an attribute or shape-carrying input the operator does not accept (PC0126).</summary>
    public void Invalid(string argument, string detail)
    {
        Failed = true;
        _diagnostics.Add(DiagnosticCatalog.InvalidShapeArgument, _location, GraphNode.Key, Node.OpType, argument, detail);
    }

    /// <summary>Marks the outputs as depending on the input data: ONNX Runtime has to be asked.</summary>
    public void MarkDataDependent() => DataDependent = true;
}
