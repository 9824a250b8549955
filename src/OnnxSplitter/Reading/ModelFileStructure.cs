namespace PartitionCompiler.OnnxSplitter.Reading;

/// <summary>
/// Walks the top-level fields of a serialized <c>onnx.ModelProto</c> without parsing them, to tell a truncated model
/// file (every field valid until one runs past the end) from a file that is not a model at all (its first field is
/// no <c>ModelProto</c> field, or a field has an impossible encoding).
/// </summary>
internal static class ModelFileStructure
{
    internal enum Verdict
    {
        Valid,
        Truncated,
        NotAModel,
    }

    internal readonly record struct Result(Verdict Verdict, string Reason);

    // Wire types: 0 varint, 1 64-bit, 2 length-delimited, 5 32-bit. ModelProto's fields and their wire types.
    private static int ExpectedWireType(long field) => field switch
    {
        1 or 5 => 0,
        2 or 3 or 4 or 6 or 7 or 8 or 14 or 20 or 25 or 26 => 2,
        _ => -1,
    };

    private static string FieldName(long field) => field switch
    {
        1 => "ir_version",
        2 => "producer_name",
        3 => "producer_version",
        4 => "domain",
        5 => "model_version",
        6 => "doc_string",
        7 => "graph",
        8 => "opset_import",
        14 => "metadata_props",
        20 => "training_info",
        25 => "functions",
        _ => $"field {field}",
    };

    public static Result Check(ReadOnlySpan<byte> data)
    {
        int offset = 0;
        bool first = true;
        while (offset < data.Length)
        {
            if (!TryReadVarint(data, ref offset, out ulong tag))
            {
                return Fail(first, "a field tag is cut off");
            }

            long field = (long)(tag >> 3);
            int wireType = (int)(tag & 7);
            int expected = ExpectedWireType(field);
            if (field == 0 || wireType is 3 or 4 or 6 or 7 || (expected >= 0 && expected != wireType) || (first && expected < 0))
            {
                return new(Verdict.NotAModel, first
                    ? "its first bytes are not a ModelProto field"
                    : $"byte {offset} starts an invalid field (number {field}, wire type {wireType})");
            }

            string name = FieldName(field);
            switch (wireType)
            {
                case 0:
                    if (!TryReadVarint(data, ref offset, out _))
                    {
                        return Fail(first, $"'{name}' is cut off");
                    }

                    break;
                case 1:
                case 5:
                    int size = wireType == 1 ? 8 : 4;
                    if (data.Length - offset < size)
                    {
                        return Fail(first, $"'{name}' is cut off");
                    }

                    offset += size;
                    break;
                default:
                    if (!TryReadVarint(data, ref offset, out ulong length))
                    {
                        return Fail(first, $"the length of '{name}' is cut off");
                    }

                    if (length > (ulong)(data.Length - offset))
                    {
                        return Fail(first, $"'{name}' needs {length} bytes but only {data.Length - offset} remain");
                    }

                    offset += (int)length;
                    break;
            }

            first = false;
        }

        return new(Verdict.Valid, "");
    }

    private static Result Fail(bool first, string reason) =>
        first ? new(Verdict.NotAModel, "its first bytes are not a ModelProto field") : new(Verdict.Truncated, reason);

    /// <summary>Reads a base-128 varint; false when the data ends inside it. A varint longer than 10 bytes ends the
    /// walk too: the caller reports it as cut off only when it ran into the end of the data.</summary>
    private static bool TryReadVarint(ReadOnlySpan<byte> data, ref int offset, out ulong value)
    {
        value = 0;
        for (int shift = 0; shift < 64; shift += 7)
        {
            if (offset >= data.Length)
            {
                return false;
            }

            byte b = data[offset++];
            value |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return true;
            }
        }

        // Eleven or more continuation bytes: not a varint at all.
        value = ulong.MaxValue;
        return true;
    }
}
