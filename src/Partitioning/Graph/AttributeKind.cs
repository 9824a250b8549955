namespace PartitionCompiler.Partitioning.Graph;

/// <summary>The kind of a node attribute (ONNX <c>AttributeProto.AttributeType</c>, by name).</summary>
public enum AttributeKind
{
    Undefined,
    Float,
    Int,
    String,
    Tensor,
    Graph,
    Floats,
    Ints,
    Strings,
    Tensors,
    Graphs,
    SparseTensor,
    SparseTensors,
    TypeProto,
    TypeProtos,
}
