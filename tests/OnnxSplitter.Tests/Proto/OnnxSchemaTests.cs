using Google.Protobuf;
using PartitionCompiler.OnnxSplitter.Proto;
using PartitionCompiler.TestSupport;

namespace PartitionCompiler.OnnxSplitter.Tests.Proto;

/// <summary>
/// Checks the field numbers of <c>Proto/onnx.proto</c> against real files: every corpus model and every generated
/// model parses with no field left unknown, and survives a write and a second read unchanged; fields this schema does
/// not know survive too.
/// </summary>
public sealed class OnnxSchemaTests
{
    public static TheoryData<string> CorpusModels => Corpus.Models;

    public static TheoryData<string> GeneratedModels => new(GeneratedModelCatalog.Names);

    [Theory]
    [MemberData(nameof(CorpusModels))]
    public void Corpus_model_parses_with_every_field_known_and_round_trips(string file)
    {
        byte[] bytes = File.ReadAllBytes(Corpus.RequireModel(file));
        AssertSchemaKnowsEveryField(bytes);
    }

    [Theory]
    [MemberData(nameof(GeneratedModels))]
    public void Generated_model_parses_with_every_field_known_and_round_trips(string name)
    {
        AssertSchemaKnowsEveryField(GeneratedModelCatalog.Bytes(name));
    }

    [Fact]
    public void Unknown_field_of_a_model_survives_read_write_read()
    {
        byte[] model = ModelRecipes.TwoBranchConcat().ToBytes();
        byte[] withUnknown = [.. model, .. UnknownField(1000, "model-extra")];

        var reread = RoundTrip(withUnknown);

        Assert.Equal("model-extra", FindStringField(reread.ToByteArray(), 1000));
    }

    [Fact]
    public void Unknown_field_of_a_node_survives_read_write_read()
    {
        var model = ModelRecipes.TwoBranchConcat().Build();
        byte[] node = [.. model.Graph.Node[1].ToByteArray(), .. UnknownField(900, "node-extra")];
        model.Graph.Node[1] = NodeProto.Parser.ParseFrom(node);

        var reread = RoundTrip(model.ToByteArray());

        Assert.Equal("node-extra", FindStringField(reread.Graph.Node[1].ToByteArray(), 900));
        Assert.Null(FindStringField(reread.Graph.Node[0].ToByteArray(), 900));
    }

    [Fact]
    public void Unknown_field_of_a_tensor_survives_read_write_read()
    {
        var model = ModelRecipes.TwoBranchConcat().Build();
        byte[] tensor = [.. model.Graph.Initializer[0].ToByteArray(), .. UnknownField(777, "tensor-extra")];
        model.Graph.Initializer[0] = TensorProto.Parser.ParseFrom(tensor);

        var reread = RoundTrip(model.ToByteArray());

        Assert.Equal("tensor-extra", FindStringField(reread.Graph.Initializer[0].ToByteArray(), 777));
        Assert.Equal(model.Graph.Initializer[0].RawData, reread.Graph.Initializer[0].RawData);
    }

    private static void AssertSchemaKnowsEveryField(byte[] bytes)
    {
        var parsed = ModelProto.Parser.ParseFrom(bytes);
        var known = ModelProto.Parser.WithDiscardUnknownFields(true).ParseFrom(bytes);

        // Generated equality includes unknown fields: equal means no field of the file fell outside the schema
        // (a wrong field number or wire type would land there).
        Assert.Equal(known, parsed);
        Assert.NotNull(parsed.Graph);
        Assert.NotEmpty(parsed.Graph.Node);

        var reparsed = ModelProto.Parser.ParseFrom(parsed.ToByteArray());
        Assert.Equal(parsed, reparsed);
        Assert.Equal(parsed.CalculateSize(), reparsed.CalculateSize());
    }

    private static ModelProto RoundTrip(byte[] bytes)
    {
        var first = ModelProto.Parser.ParseFrom(bytes);
        return ModelProto.Parser.ParseFrom(first.ToByteArray());
    }

    private static byte[] UnknownField(int fieldNumber, string value)
    {
        using var buffer = new MemoryStream();
        var output = new CodedOutputStream(buffer);
        output.WriteTag(fieldNumber, WireFormat.WireType.LengthDelimited);
        output.WriteString(value);
        output.Flush();
        return buffer.ToArray();
    }

    /// <summary>Walks the top-level fields of a message's bytes and returns the string in field <paramref name="fieldNumber"/>.</summary>
    private static string? FindStringField(byte[] message, int fieldNumber)
    {
        var input = new CodedInputStream(message);
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            if (WireFormat.GetTagFieldNumber(tag) == fieldNumber)
            {
                return input.ReadString();
            }

            input.SkipLastField();
        }

        return null;
    }
}
