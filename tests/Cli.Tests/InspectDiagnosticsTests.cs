using PartitionCompiler.Partitioning.Graph;
using PartitionCompiler.TestSupport;

namespace PartitionCompiler.Cli.Tests;

/// <summary>Malformed models through <c>partc inspect</c>: each gives its code and exit code 1, none throws.</summary>
public sealed class InspectDiagnosticsTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string WriteBytes(byte[] bytes, string name = "model.onnx")
    {
        string path = _folder.File(name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    [Fact]
    public void Missing_file_is_PC0100_on_one_canonical_line()
    {
        string path = Path.Combine(_folder.Path, "absent.onnx");

        var result = Partc.Run("inspect", path);

        result.FailsWith("PC0100");
        Assert.Equal($"{path}: error PC0100: cannot read model file '{path}': the file does not exist; check the path (relative paths start at the current folder) and the file's permissions",
            Assert.Single(result.StderrLines));
    }

    [Fact]
    public void Empty_file_is_PC0101() => Partc.Run("inspect", WriteBytes([])).FailsWith("PC0101");

    [Fact]
    public void Truncated_file_is_PC0102()
    {
        byte[] bytes = ModelRecipes.TwoBranchConcat().ToBytes();
        Partc.Run("inspect", WriteBytes(bytes[..(bytes.Length / 2)])).FailsWith("PC0102");
    }

    [Fact]
    public void Random_bytes_are_PC0103()
    {
        var bytes = new byte[2048];
        new Random(99).NextBytes(bytes);
        Partc.Run("inspect", WriteBytes(bytes)).FailsWith("PC0103");
    }

    [Fact]
    public void Unsupported_ir_version_is_PC0104() =>
        Partc.Run("inspect", ModelRecipes.TwoBranchConcat().IrVersion(42).WriteTo(_folder.File("m.onnx"))).FailsWith("PC0104");

    [Fact]
    public void Model_without_graph_is_PC0105() =>
        Partc.Run("inspect", ModelFileEdits.RemoveGraph(ModelRecipes.TwoBranchConcat().WriteTo(_folder.File("m.onnx")))).FailsWith("PC0105");

    [Fact]
    public void Missing_external_data_is_PC0106()
    {
        string path = ModelRecipes.WithExternalData().WriteTo(_folder.File("m.onnx"));
        File.Delete(Path.Combine(_folder.Path, "weights.bin"));

        Partc.Run("inspect", path).FailsWith("PC0106");
    }

    [Fact]
    public void External_data_outside_the_folder_is_PC0107()
    {
        string path = ModelRecipes.TwoBranchConcat().ExternalData("../weights.bin").WriteTo(_folder.File("inner/m.onnx"));

        Partc.Run("inspect", path).FailsWith("PC0107");
    }

    [Fact]
    public void External_data_beyond_its_file_is_PC0108()
    {
        string path = ModelRecipes.WithExternalData().WriteTo(_folder.File("m.onnx"));
        using (var data = new FileStream(Path.Combine(_folder.Path, "weights.bin"), FileMode.Open))
        {
            data.SetLength(100);
        }

        Partc.Run("inspect", path).FailsWith("PC0108");
    }

    [Fact]
    public void Malformed_tensor_is_PC0109()
    {
        var builder = new OnnxModelBuilder().Input("x", ElementType.Float32, 2)
            .Constant("c", ElementType.Float32, [2], new byte[5])
            .Node("Add", ["x", "c"], ["y"], "add").Output("y", ElementType.Float32, 2);

        Partc.Run("inspect", builder.WriteTo(_folder.File("m.onnx"))).FailsWith("PC0109");
    }

    [Fact]
    public void Dangling_input_is_PC0110() =>
        Partc.Run("inspect", ModelRecipes.TwoBranchConcat().Node("Relu", ["nowhere"], ["z"], "d").WriteTo(_folder.File("m.onnx"))).FailsWith("PC0110");

    [Fact]
    public void Cycle_is_PC0111()
    {
        var builder = new OnnxModelBuilder().Input("x", ElementType.Float32, 2)
            .Node("Add", ["x", "b"], ["a"], "a").Node("Relu", ["a"], ["b"], "b").Output("b", ElementType.Float32, 2);
        Partc.Run("inspect", builder.WriteTo(_folder.File("m.onnx"))).FailsWith("PC0111");
    }

    [Fact]
    public void Duplicate_output_is_PC0112()
    {
        var builder = new OnnxModelBuilder().Input("x", ElementType.Float32, 2)
            .Node("Relu", ["x"], ["y"], "a").Node("Neg", ["x"], ["y"], "b").Output("y", ElementType.Float32, 2);
        Partc.Run("inspect", builder.WriteTo(_folder.File("m.onnx"))).FailsWith("PC0112");
    }

    [Fact]
    public void Unproduced_output_is_PC0113() =>
        Partc.Run("inspect", ModelRecipes.TwoBranchConcat().Output("ghost", ElementType.Float32, 1).WriteTo(_folder.File("m.onnx"))).FailsWith("PC0113");

    [Fact]
    public void Graph_of_weights_only_is_PC0114()
    {
        var builder = new OnnxModelBuilder().Node("Constant", [], ["c"], "c", OnnxAttribute.Tensor("value", [1], [1f])).Output("c", ElementType.Float32, 1);
        Partc.Run("inspect", builder.WriteTo(_folder.File("m.onnx"))).FailsWith("PC0114");
    }

    [Fact]
    public void Pin_for_an_input_the_model_lacks_is_an_error()
    {
        string path = ModelRecipes.TwoBranchConcat().WriteTo(_folder.File("m.onnx"));

        var result = Partc.Run("inspect", path, "--input", "images=1x3x8x8");

        result.FailsWith("PC0120");
    }

    [Fact]
    public void Pin_with_the_wrong_rank_is_an_error()
    {
        string path = ModelRecipes.TwoBranchConcat().WriteTo(_folder.File("m.onnx"));

        Partc.Run("inspect", path, "--input", "x=1x16").FailsWith("PC0121");
    }

    [Theory]
    [InlineData("x")]
    [InlineData("x=1xAx3")]
    [InlineData("x=1x0x3")]
    [InlineData("=1x2")]
    public void Malformed_input_option_is_a_usage_error(string pin)
    {
        string path = ModelRecipes.TwoBranchConcat().WriteTo(_folder.File("m.onnx"));

        var result = Partc.Run("inspect", path, "--input", pin);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Stdout);
        string line = Assert.Single(result.StderrLines);
        Assert.StartsWith($"partc: error PC0051: --input '{pin}': ", line);
        Assert.EndsWith("; run 'partc inspect --help' for usage", line);
    }
}
