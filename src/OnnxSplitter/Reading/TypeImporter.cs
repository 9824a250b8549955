using PartitionCompiler.OnnxSplitter.Proto;
using PartitionCompiler.Partitioning.Collections;
using PartitionCompiler.Partitioning.Graph;

namespace PartitionCompiler.OnnxSplitter.Reading;

/// <summary>Converts ONNX value types into the core's <see cref="TensorType"/>.</summary>
internal static class TypeImporter
{
    /// <summary>The tensor type, or null for non-tensor values (sequences, maps, optionals) and missing types.</summary>
    public static TensorType? Import(TypeProto? type)
    {
        if (type?.TensorType is not { } tensor)
        {
            return null;
        }

        var elementType = (ElementType)tensor.ElemType;
        if (!Enum.IsDefined(elementType))
        {
            elementType = ElementType.Undefined;
        }

        return new TensorType(elementType, tensor.Shape is { } shape ? ImportShape(shape) : null);
    }

    public static TensorShape ImportShape(TensorShapeProto shape) =>
        new(shape.Dim.Select(ImportDim).ToEquatableArray());

    /// <summary>A <c>dim_value</c> becomes a known dim; a <c>dim_param</c> a named symbolic dim; neither (or a negative value) an unnamed one.</summary>
    public static Dim ImportDim(TensorShapeProto.Types.Dimension dim) => dim.ValueCase switch
    {
        TensorShapeProto.Types.Dimension.ValueOneofCase.DimValue when dim.DimValue >= 0 => Dim.Known(dim.DimValue),
        TensorShapeProto.Types.Dimension.ValueOneofCase.DimParam when dim.DimParam.Length > 0 => Dim.Symbolic(dim.DimParam),
        _ => Dim.Symbolic(),
    };

    public static ValueSpec ImportValue(ValueInfoProto value) => new(value.Name, Import(value.Type));
}
