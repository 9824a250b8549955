using System.Buffers;
using System.Text;
using System.Text.Json;
using PartitionCompiler.Partitioning.Json;

namespace PartitionCompiler.Partitioning.Tests.Json;

public sealed class JsonWriterExtensionsTests
{
    [Fact]
    public void Arrays_are_written_as_one_property_in_the_given_order()
    {
        string text = Write(json =>
        {
            json.WriteStringArray("names", ["b", "a", "ü\"x"]);
            json.WriteNumberArray("shape", [1L, 3, 224, -1]);
            json.WriteStringArray("none", []);
        });

        Assert.Equal("""{"names":["b","a","ü\"x"],"shape":[1,3,224,-1],"none":[]}""", text);
    }

    [Theory]
    [InlineData(0.0, "0")]
    [InlineData(714188480.0 * 2, "1428376960")]
    [InlineData(8.9e15, "8900000000000000")]
    [InlineData(1.5e20, "1.5e20")]
    [InlineData(2.5, "2.5")]
    [InlineData(2e-5, "2e-5")]
    public void Counts_are_integers_while_exact_and_lowercase_exponents_beyond(double value, string expected)
    {
        Assert.Equal("{\"flops\":" + expected + "}", Write(json => json.WriteCount("flops", value)));
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void A_count_that_is_not_finite_is_refused(double value)
    {
        Assert.Throws<ArgumentException>(() => Write(json => json.WriteCount("flops", value)));
    }

    private static string Write(Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            body(json);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
