using PartitionCompiler.OnnxSplitter.Proto;
using PartitionCompiler.Partitioning.Diagnostics;
using PartitionCompiler.Partitioning.Graph;

namespace PartitionCompiler.OnnxSplitter.Reading;

/// <summary>
/// Reads one <see cref="TensorProto"/> (an initializer or a tensor attribute): its element type, dims and byte size
/// wherever its data is stored, and its values when it is small. External data is checked (inside the model's folder,
/// within the file) but only read for small tensors (at most <see cref="ConstantTensor.MaxElements"/> elements), whose
/// values shape inference needs; weights keep only their size.
/// </summary>
internal sealed class TensorImporter
{
    private readonly ExternalDataFolder _folder;
    private readonly SourceLocation _location;
    private readonly DiagnosticBag _diagnostics;

    public TensorImporter(ExternalDataFolder folder, SourceLocation location, DiagnosticBag diagnostics)
    {
        _folder = folder;
        _location = location;
        _diagnostics = diagnostics;
    }

    /// <summary>A tensor as read. <see cref="Values"/> is null when it is large or its type is not decoded.</summary>
    internal sealed record Imported(ElementType Type, long[] Dims, long ByteSize, bool IsExternal, ConstantTensor? Values);

    /// <summary>Reads the tensor, or returns null after reporting PC0106-PC0109.</summary>
    public Imported? Import(TensorProto tensor, string label)
    {
        var dims = tensor.Dims.ToArray();
        long count = 1;
        for (int i = 0; i < dims.Length; i++)
        {
            if (dims[i] < 0)
            {
                return Invalid(label, $"dimension {i} is {dims[i]}");
            }

            if (dims[i] != 0 && count > long.MaxValue / dims[i])
            {
                return Invalid(label, "its element count overflows a 64-bit integer");
            }

            count *= dims[i];
        }

        var type = (ElementType)tensor.DataType;
        if (tensor.DataType == 0 || !Enum.IsDefined(type))
        {
            return Invalid(label, $"data_type {tensor.DataType} is not an ONNX element type");
        }

        long? expectedBytes = type == ElementType.String ? null : type.ByteCount(count);
        bool small = count <= ConstantTensor.MaxElements && TensorValues.IsDecodable(type);
        if (tensor.HasDataLocation && tensor.DataLocation == TensorProto.Types.DataLocation.External)
        {
            return ImportExternal(tensor, label, type, dims, (int)Math.Min(count, int.MaxValue), expectedBytes, small);
        }

        if (tensor.HasRawData)
        {
            if (expectedBytes is not long expected)
            {
                return Invalid(label, "string tensors cannot store raw_data");
            }

            if (tensor.RawData.Length != expected)
            {
                return Invalid(label, $"raw_data holds {tensor.RawData.Length} bytes, but {count} {type.NumpyName()} elements need {expected}");
            }

            var values = small ? TensorValues.FromRaw(type, dims, tensor.RawData.Span, (int)count) : null;
            return new Imported(type, dims, expected, false, values);
        }

        if (count > 0 && !TensorValues.HasTypedData(tensor))
        {
            return Invalid(label, $"it has {count} elements but no data (neither raw_data, a typed data field nor external data)");
        }

        if (count > 0 && TensorValues.TypedFieldCount(tensor, type) is long typedCount && typedCount != count)
        {
            return Invalid(label, $"its data field for {type.NumpyName()} holds {typedCount} values, but its dims need {count}");
        }

        long byteSize = type == ElementType.String ? tensor.StringData.Sum(s => (long)s.Length) : expectedBytes ?? 0;
        return new Imported(type, dims, byteSize, false, small ? TensorValues.FromTyped(tensor, type, dims, (int)count) : null);
    }

    private Imported? ImportExternal(TensorProto tensor, string label, ElementType type, long[] dims, int count, long? expectedBytes, bool small)
    {
        if (ExternalDataReference.Parse(tensor, out string? problem) is not { } reference)
        {
            return Invalid(label, problem!);
        }

        var (location, offset, length) = reference;

        if (string.IsNullOrEmpty(location))
        {
            return Invalid(label, "its data_location is EXTERNAL but external_data has no 'location'");
        }

        if (expectedBytes is not long expected)
        {
            return Invalid(label, "string tensors cannot be stored as external data");
        }

        if (length is long stated && stated != expected)
        {
            return Invalid(label, $"external data length is {stated} bytes, but {dims.Aggregate(1L, (a, d) => a * d)} {type.NumpyName()} elements need {expected}");
        }

        ExternalDataFolder.Resolution resolution;
        try
        {
            resolution = _folder.Resolve(location);
        }
        catch (IOException)
        {
            resolution = new(ExternalDataFolder.Outcome.Missing, location, 0); // e.g. a cycle of symbolic links
        }
        catch (UnauthorizedAccessException)
        {
            resolution = new(ExternalDataFolder.Outcome.Missing, location, 0);
        }

        switch (resolution.Outcome)
        {
            case ExternalDataFolder.Outcome.Outside:
                _diagnostics.Add(DiagnosticCatalog.ExternalDataOutsideFolder, _location, label, location, resolution.FullPath);
                return null;
            case ExternalDataFolder.Outcome.Missing:
                _diagnostics.Add(DiagnosticCatalog.ExternalDataMissing, _location, label, location);
                return null;
            default:
                break;
        }

        if (offset > resolution.Length || expected > resolution.Length - offset)
        {
            _diagnostics.Add(DiagnosticCatalog.ExternalDataOutOfRange, _location, label, offset, offset + expected, location, resolution.Length);
            return null;
        }

        ConstantTensor? values = small && expected == 0 ? TensorValues.FromRaw(type, dims, [], 0) : null;
        if (small && expected > 0)
        {
            var bytes = new byte[expected];
            try
            {
                using var stream = new FileStream(resolution.FullPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.None);
                stream.Position = offset;
                stream.ReadExactly(bytes);
                values = TensorValues.FromRaw(type, dims, bytes, count);
            }
            catch (IOException e)
            {
                _diagnostics.Add(DiagnosticCatalog.ModelFileUnreadable, _location, location, e.Message);
                return null;
            }
            catch (UnauthorizedAccessException e)
            {
                _diagnostics.Add(DiagnosticCatalog.ModelFileUnreadable, _location, location, e.Message);
                return null;
            }
        }

        return new Imported(type, dims, expected, true, values);
    }

    /// <summary>Reports PC0109 for a malformed tensor and returns null.</summary>
    public Imported? Invalid(string label, string reason)
    {
        _diagnostics.Add(DiagnosticCatalog.InvalidTensorData, _location, label, reason);
        return null;
    }
}
