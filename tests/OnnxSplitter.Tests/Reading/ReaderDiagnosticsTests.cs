using Google.Protobuf;
using PartitionCompiler.OnnxSplitter.Proto;
using PartitionCompiler.Partitioning.Graph;
using PartitionCompiler.TestSupport;

namespace PartitionCompiler.OnnxSplitter.Tests.Reading;

/// <summary>Every way a model file can be unreadable gives its own PC0100-PC0109 diagnostic, never an exception.</summary>
public sealed class ReaderDiagnosticsTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Missing_file_is_PC0100_naming_the_path()
    {
        string path = Path.Combine(_folder.Path, "nope.onnx");
        var diagnostic = ReadResult.Of(path).Fails("PC0100");
        Assert.Equal(path, diagnostic.Location?.Path);
        Assert.Contains("does not exist", diagnostic.Message);
    }

    [Fact]
    public void Folder_instead_of_file_is_PC0100()
    {
        ReadResult.Of(_folder.Path).Fails("PC0100");
    }

    [Fact]
    public void Empty_file_is_PC0101()
    {
        ReadResult.OfBytes([], _folder).Fails("PC0101");
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.9)]
    [InlineData(0.999)]
    public void Truncated_file_is_PC0102(double keep)
    {
        byte[] bytes = ModelRecipes.SqueezeNet11().ToBytes();
        var diagnostic = ReadResult.OfBytes(bytes[..(int)(bytes.Length * keep)], _folder).Fails("PC0102");
        Assert.Contains("truncated", diagnostic.Message);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Random_bytes_are_PC0103(int seed)
    {
        var bytes = new byte[4096];
        new Random(seed).NextBytes(bytes);
        ReadResult.OfBytes(bytes, _folder).Fails("PC0103");
    }

    [Fact]
    public void Text_file_is_PC0103()
    {
        ReadResult.OfBytes("{ \"model\": \"not onnx\" }\n"u8.ToArray(), _folder).Fails("PC0103");
    }

    [Fact]
    public void Serialized_tensor_instead_of_model_is_PC0103()
    {
        var tensor = new TensorProto { DataType = 1, Name = "t" };
        tensor.Dims.Add(new long[] { 2, 2 });
        tensor.FloatData.Add(new float[] { 1, 2, 3, 4 });
        ReadResult.OfBytes(tensor.ToByteArray(), _folder).Fails("PC0103");
    }

    [Theory]
    [InlineData(2L)]
    [InlineData(12L)]
    [InlineData(0L)]
    public void Unsupported_ir_version_is_PC0104(long irVersion)
    {
        var diagnostic = ReadResult.Of(ModelRecipes.TwoBranchConcat().IrVersion(irVersion), _folder).Fails("PC0104");
        Assert.Contains($"IR version is {irVersion}", diagnostic.Message);
    }

    [Fact]
    public void Missing_ir_version_is_PC0104()
    {
        var model = ModelRecipes.TwoBranchConcat().Build();
        model.ClearIrVersion();
        var diagnostic = ReadResult.OfBytes(model.ToByteArray(), _folder).Fails("PC0104");
        Assert.Contains("missing", diagnostic.Message);
    }

    [Theory]
    [InlineData(3L)]
    [InlineData(11L)]
    public void Supported_ir_versions_read(long irVersion)
    {
        Assert.Equal(irVersion, ReadResult.Of(ModelRecipes.TwoBranchConcat().IrVersion(irVersion), _folder).Ok().Spec.IrVersion);
    }

    [Fact]
    public void Model_without_graph_is_PC0105()
    {
        var model = ModelRecipes.TwoBranchConcat().Build();
        model.Graph = null;
        ReadResult.OfBytes(model.ToByteArray(), _folder).Fails("PC0105");
    }

    [Fact]
    public void Missing_external_data_file_is_PC0106()
    {
        string path = ModelRecipes.WithExternalData().WriteTo(_folder.File("model.onnx"));
        File.Delete(Path.Combine(_folder.Path, "weights.bin"));

        var result = ReadResult.Of(path);

        Assert.Null(result.Model);
        Assert.NotEmpty(result.Diagnostics.Items);
        Assert.All(result.Diagnostics.Items, d => Assert.Equal("PC0106", d.Code));
        Assert.Contains("weights.bin", result.Diagnostics.Items[0].Message);
    }

    [Theory]
    [InlineData("../weights.bin")]
    [InlineData("sub/../../weights.bin")]
    [InlineData("/etc/passwd")]
    [InlineData("..\\weights.bin")]
    public void External_data_outside_the_folder_is_PC0107(string location)
    {
        File.WriteAllBytes(Path.Combine(_folder.Path, "weights.bin"), new byte[1024]);
        var model = ExternalInitializerModel(location, offset: 0, length: 64);

        var diagnostic = ReadResult.OfBytes(model.ToByteArray(), _folder, "inner/model.onnx").Fails("PC0107");
        Assert.Contains("outside the model's folder", diagnostic.Message);
    }

    [Fact]
    public void External_data_through_a_symlink_leading_outside_is_PC0107()
    {
        string outside = _folder.File("outside/weights.bin");
        File.WriteAllBytes(outside, new byte[1024]);
        Directory.CreateDirectory(Path.Combine(_folder.Path, "model"));
        File.CreateSymbolicLink(Path.Combine(_folder.Path, "model", "weights.bin"), outside);
        var model = ExternalInitializerModel("weights.bin", offset: 0, length: 64);

        ReadResult.OfBytes(model.ToByteArray(), _folder, "model/model.onnx").Fails("PC0107");
    }

    [Fact]
    public void External_data_through_a_linked_folder_leading_outside_is_PC0107()
    {
        File.WriteAllBytes(_folder.File("outside/weights.bin"), new byte[1024]);
        Directory.CreateDirectory(Path.Combine(_folder.Path, "model"));
        Directory.CreateSymbolicLink(Path.Combine(_folder.Path, "model", "data"), Path.Combine(_folder.Path, "outside"));
        var model = ExternalInitializerModel("data/weights.bin", offset: 0, length: 64);

        ReadResult.OfBytes(model.ToByteArray(), _folder, "model/model.onnx").Fails("PC0107");
    }

    [Fact]
    public void External_data_through_a_symlink_inside_the_folder_reads()
    {
        File.WriteAllBytes(_folder.File("model/real/weights.bin"), new byte[1024]);
        File.CreateSymbolicLink(Path.Combine(_folder.Path, "model", "weights.bin"), Path.Combine(_folder.Path, "model", "real", "weights.bin"));
        var model = ExternalInitializerModel("sub/../weights.bin", offset: 0, length: 64);

        var spec = ReadResult.OfBytes(model.ToByteArray(), _folder, "model/model.onnx").Ok().Spec;

        Assert.True(spec.Initializers.Single(i => i.Name == "ext").IsExternal);
    }

    [Theory]
    [InlineData(0L, 2048L)]
    [InlineData(1000L, 64L)]
    [InlineData(4096L, 64L)]
    public void External_data_beyond_the_end_of_its_file_is_PC0108(long offset, long length)
    {
        File.WriteAllBytes(_folder.File("weights.bin"), new byte[1024]);
        var model = ExternalInitializerModel("weights.bin", offset, length, elements: length / 4);

        var diagnostic = ReadResult.OfBytes(model.ToByteArray(), _folder).Fails("PC0108");
        Assert.Contains("1024 bytes", diagnostic.Message);
    }

    [Fact]
    public void Truncated_external_data_file_is_PC0108()
    {
        string path = ModelRecipes.WithExternalData().WriteTo(_folder.File("model.onnx"));
        string data = Path.Combine(_folder.Path, "weights.bin");
        using (var stream = new FileStream(data, FileMode.Open))
        {
            stream.SetLength(stream.Length / 2);
        }

        var result = ReadResult.Of(path);

        Assert.Null(result.Model);
        Assert.Contains(result.Diagnostics.Items, d => d.Code == "PC0108");
        Assert.All(result.Diagnostics.Items, d => Assert.Equal("PC0108", d.Code));
    }

    [Fact]
    public void Raw_data_of_the_wrong_size_is_PC0109()
    {
        var model = ModelRecipes.TwoBranchConcat().Build();
        var tensor = model.Graph.Initializer[0];
        tensor.RawData = ByteString.CopyFrom(tensor.RawData.Span[..^4]);

        var diagnostic = ReadResult.OfBytes(model.ToByteArray(), _folder).Fails("PC0109");
        Assert.Contains($"initializer '{tensor.Name}'", diagnostic.Message);
        Assert.Contains("raw_data", diagnostic.Message);
    }

    [Fact]
    public void Typed_field_of_the_wrong_count_is_PC0109()
    {
        var model = ModelRecipes.TwoBranchConcat().TypedFields().Build();
        model.Graph.Initializer[1].FloatData.Add(1f);
        ReadResult.OfBytes(model.ToByteArray(), _folder).Fails("PC0109");
    }

    [Fact]
    public void Tensor_without_data_is_PC0109()
    {
        var model = ModelRecipes.TwoBranchConcat().Build();
        model.Graph.Initializer[0].ClearRawData();
        var diagnostic = ReadResult.OfBytes(model.ToByteArray(), _folder).Fails("PC0109");
        Assert.Contains("no data", diagnostic.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(99)]
    public void Unknown_element_type_is_PC0109(int dataType)
    {
        var model = ModelRecipes.TwoBranchConcat().Build();
        model.Graph.Initializer[0].DataType = dataType;
        ReadResult.OfBytes(model.ToByteArray(), _folder).Fails("PC0109");
    }

    [Fact]
    public void Negative_dim_is_PC0109()
    {
        var model = ModelRecipes.TwoBranchConcat().Build();
        model.Graph.Initializer[0].Dims[0] = -8;
        ReadResult.OfBytes(model.ToByteArray(), _folder).Fails("PC0109");
    }

    [Theory]
    [InlineData("offset", "-1")]
    [InlineData("offset", "abc")]
    [InlineData("length", "12x")]
    [InlineData("length", "128")]
    public void Bad_external_data_keys_are_PC0109(string key, string value)
    {
        File.WriteAllBytes(_folder.File("weights.bin"), new byte[1024]);
        var model = ExternalInitializerModel("weights.bin", offset: 0, length: 64);
        model.Graph.Initializer.Single(t => t.Name == "ext").ExternalData.Single(e => e.Key == key).Value = value;
        ReadResult.OfBytes(model.ToByteArray(), _folder).Fails("PC0109");
    }

    [Fact]
    public void External_data_without_location_is_PC0109()
    {
        var model = ExternalInitializerModel("weights.bin", offset: 0, length: 64);
        var entries = model.Graph.Initializer.Single(t => t.Name == "ext").ExternalData;
        entries.Remove(entries.Single(e => e.Key == "location"));
        ReadResult.OfBytes(model.ToByteArray(), _folder).Fails("PC0109");
    }

    [Fact]
    public void Malformed_tensor_in_a_node_attribute_is_PC0109_naming_the_node()
    {
        var builder = new OnnxModelBuilder().Input("x", ElementType.Float32, 2)
            .Node("Constant", [], ["c"], "const", OnnxAttribute.Tensor("value", ElementType.Float32, [2], new byte[7]))
            .Node("Add", ["x", "c"], ["y"], "add").Output("y", ElementType.Float32, 2);
        var diagnostic = ReadResult.Of(builder, _folder).Fails("PC0109");
        Assert.Contains("node 'const', attribute 'value'", diagnostic.Message);
    }

    /// <summary>A small model that adds a float32 initializer <c>ext</c> of <paramref name="elements"/> elements stored externally.</summary>
    internal static ModelProto ExternalInitializerModel(string location, long offset, long length, long elements = 16)
    {
        var model = new OnnxModelBuilder().Input("x", ElementType.Float32, elements)
            .Node("Add", ["x", "ext"], ["y"], "add").Output("y", ElementType.Float32, elements).Build();
        var tensor = new TensorProto { Name = "ext", DataType = (int)ElementType.Float32, DataLocation = TensorProto.Types.DataLocation.External };
        tensor.Dims.Add(elements);
        tensor.ExternalData.Add(new StringStringEntryProto { Key = "location", Value = location });
        tensor.ExternalData.Add(new StringStringEntryProto { Key = "offset", Value = offset.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        tensor.ExternalData.Add(new StringStringEntryProto { Key = "length", Value = length.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        model.Graph.Initializer.Add(tensor);
        return model;
    }
}
