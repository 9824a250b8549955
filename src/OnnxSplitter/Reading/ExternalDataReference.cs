using System.Globalization;
using PartitionCompiler.OnnxSplitter.Proto;

namespace PartitionCompiler.OnnxSplitter.Reading;

/// <summary>
/// Where a tensor's data lies outside the model file, as its <c>external_data</c> entries say: the file
/// (<c>location</c>, relative to the model's folder), the <c>offset</c> into it and the <c>length</c> (null when not
/// stated). Other keys (<c>checksum</c>, keys of newer versions of the format) are not needed and ignored.
/// </summary>
internal readonly record struct ExternalDataReference(string? Location, long Offset, long? Length)
{
    /// <summary>The tensor's entries, or null with the <paramref name="problem"/> when an offset or a length is not a
    /// non-negative integer.</summary>
    public static ExternalDataReference? Parse(TensorProto tensor, out string? problem)
    {
        string? location = null;
        long offset = 0;
        long? length = null;
        foreach (var entry in tensor.ExternalData)
        {
            switch (entry.Key)
            {
                case "location":
                    location = entry.Value;
                    break;
                case "offset":
                    if (!long.TryParse(entry.Value, NumberStyles.None, CultureInfo.InvariantCulture, out offset))
                    {
                        problem = $"external data offset '{entry.Value}' is not a non-negative integer";
                        return null;
                    }

                    break;
                case "length":
                    if (!long.TryParse(entry.Value, NumberStyles.None, CultureInfo.InvariantCulture, out long parsed))
                    {
                        problem = $"external data length '{entry.Value}' is not a non-negative integer";
                        return null;
                    }

                    length = parsed;
                    break;
                default:
                    break;
            }
        }

        problem = null;
        return new ExternalDataReference(location, offset, length);
    }
}
