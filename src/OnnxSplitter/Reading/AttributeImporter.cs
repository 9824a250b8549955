using PartitionCompiler.OnnxSplitter.Proto;
using PartitionCompiler.Partitioning.Collections;
using PartitionCompiler.Partitioning.Graph;

namespace PartitionCompiler.OnnxSplitter.Reading;

/// <summary>Converts node attributes into <see cref="AttributeValue"/>s. Graph attributes keep no body (subgraphs stay in the protobuf).</summary>
internal static class AttributeImporter
{
    public static AttributeValue? Import(AttributeProto attribute, string nodeLabel, TensorImporter tensors)
    {
        var kind = KindOf(attribute);
        var value = new AttributeValue(attribute.Name, kind);
        switch (kind)
        {
            case AttributeKind.Float:
                return value with { Float = attribute.F };
            case AttributeKind.Int:
                return value with { Int = attribute.I };
            case AttributeKind.String:
                return value with { String = attribute.S.ToStringUtf8() };
            case AttributeKind.Floats:
                return value with { Floats = attribute.Floats.Select(f => (double)f).ToEquatableArray() };
            case AttributeKind.Ints:
                return value with { Ints = attribute.Ints.ToEquatableArray() };
            case AttributeKind.Strings:
                return value with { Strings = attribute.Strings.Select(s => s.ToStringUtf8()).ToEquatableArray() };
            case AttributeKind.Tensor when attribute.T is not null:
                var imported = tensors.Import(attribute.T, $"{nodeLabel}, attribute '{attribute.Name}'");
                return imported is null ? null : value with { Tensor = ToConstant(imported) };
            case AttributeKind.SparseTensor when attribute.SparseTensor is not null:
                var sparse = attribute.SparseTensor;
                var sparseType = (ElementType)(sparse.Values?.DataType ?? 0);
                return value with
                {
                    Tensor = new ConstantTensor(Enum.IsDefined(sparseType) ? sparseType : ElementType.Undefined,
                        sparse.Dims.ToEquatableArray(), EquatableArray<long>.Empty, EquatableArray<double>.Empty),
                };
            default:
                return value;
        }
    }

    /// <summary>The tensor's element type and dims, with its values when they were read.</summary>
    public static ConstantTensor ToConstant(TensorImporter.Imported imported) =>
        imported.Values ?? new ConstantTensor(imported.Type, imported.Dims, EquatableArray<long>.Empty, EquatableArray<double>.Empty);

    /// <summary>The attribute's kind: its <c>type</c> field, or for files that omit it (older exporters) the field that is set.</summary>
    public static AttributeKind KindOf(AttributeProto a)
    {
        if (a.HasType && a.Type != AttributeProto.Types.AttributeType.Undefined)
        {
            return a.Type switch
            {
                AttributeProto.Types.AttributeType.Float => AttributeKind.Float,
                AttributeProto.Types.AttributeType.Int => AttributeKind.Int,
                AttributeProto.Types.AttributeType.String => AttributeKind.String,
                AttributeProto.Types.AttributeType.Tensor => AttributeKind.Tensor,
                AttributeProto.Types.AttributeType.Graph => AttributeKind.Graph,
                AttributeProto.Types.AttributeType.SparseTensor => AttributeKind.SparseTensor,
                AttributeProto.Types.AttributeType.TypeProto => AttributeKind.TypeProto,
                AttributeProto.Types.AttributeType.Floats => AttributeKind.Floats,
                AttributeProto.Types.AttributeType.Ints => AttributeKind.Ints,
                AttributeProto.Types.AttributeType.Strings => AttributeKind.Strings,
                AttributeProto.Types.AttributeType.Tensors => AttributeKind.Tensors,
                AttributeProto.Types.AttributeType.Graphs => AttributeKind.Graphs,
                AttributeProto.Types.AttributeType.SparseTensors => AttributeKind.SparseTensors,
                AttributeProto.Types.AttributeType.TypeProtos => AttributeKind.TypeProtos,
                _ => AttributeKind.Undefined,
            };
        }

        return a switch
        {
            { HasF: true } => AttributeKind.Float,
            { HasI: true } => AttributeKind.Int,
            { HasS: true } => AttributeKind.String,
            { T: not null } => AttributeKind.Tensor,
            { G: not null } => AttributeKind.Graph,
            { SparseTensor: not null } => AttributeKind.SparseTensor,
            { Tp: not null } => AttributeKind.TypeProto,
            { Floats.Count: > 0 } => AttributeKind.Floats,
            { Ints.Count: > 0 } => AttributeKind.Ints,
            { Strings.Count: > 0 } => AttributeKind.Strings,
            { Tensors.Count: > 0 } => AttributeKind.Tensors,
            { Graphs.Count: > 0 } => AttributeKind.Graphs,
            { SparseTensors.Count: > 0 } => AttributeKind.SparseTensors,
            { TypeProtos.Count: > 0 } => AttributeKind.TypeProtos,
            _ => AttributeKind.Undefined,
        };
    }
}
