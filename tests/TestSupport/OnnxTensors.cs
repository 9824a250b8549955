using System.Buffers.Binary;
using Google.Protobuf;
using PartitionCompiler.OnnxSplitter.Proto;
using PartitionCompiler.Partitioning.Graph;

namespace PartitionCompiler.TestSupport;

/// <summary>Builds <see cref="TensorProto"/>s for the model builder (raw little-endian data or the typed fields).</summary>
internal static class OnnxTensors
{
    public static TensorProto Float32(string name, long[] dims, float[] values, bool raw)
    {
        var tensor = Header(name, ElementType.Float32, dims);
        if (raw)
        {
            var bytes = new byte[values.Length * 4];
            for (int i = 0; i < values.Length; i++)
            {
                BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * 4), values[i]);
            }

            tensor.RawData = ByteString.CopyFrom(bytes);
        }
        else
        {
            tensor.FloatData.Add(values);
        }

        return tensor;
    }

    public static TensorProto Int64(string name, long[] dims, long[] values, bool raw)
    {
        var tensor = Header(name, ElementType.Int64, dims);
        if (raw)
        {
            var bytes = new byte[values.Length * 8];
            for (int i = 0; i < values.Length; i++)
            {
                BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(i * 8), values[i]);
            }

            tensor.RawData = ByteString.CopyFrom(bytes);
        }
        else
        {
            tensor.Int64Data.Add(values);
        }

        return tensor;
    }

    public static TensorProto Raw(string name, ElementType type, long[] dims, byte[] rawData)
    {
        var tensor = Header(name, type, dims);
        tensor.RawData = ByteString.CopyFrom(rawData);
        return tensor;
    }

    public static TensorProto Header(string name, ElementType type, long[] dims)
    {
        var tensor = new TensorProto { Name = name, DataType = (int)type };
        tensor.Dims.Add(dims);
        return tensor;
    }

    public static TypeProto TypeOf(ElementType type, Dim[]? dims)
    {
        var tensorType = new TypeProto.Types.Tensor { ElemType = (int)type };
        if (dims is not null)
        {
            var shape = new TensorShapeProto();
            foreach (var dim in dims)
            {
                var d = new TensorShapeProto.Types.Dimension();
                if (dim.Value is long value)
                {
                    d.DimValue = value;
                }
                else if (dim.Symbol is { } symbol)
                {
                    d.DimParam = symbol;
                }

                shape.Dim.Add(d);
            }

            tensorType.Shape = shape;
        }

        return new TypeProto { TensorType = tensorType };
    }
}
