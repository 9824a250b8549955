using System.Security.Cryptography;
using PartitionCompiler.OnnxSplitter.Proto;
using PartitionCompiler.OnnxSplitter.SubModels;
using PartitionCompiler.OnnxSplitter.Verification;
using PartitionCompiler.Partitioning.Diagnostics;
using PartitionCompiler.Partitioning.Graph;
using PartitionCompiler.TestSupport;
using PartitionCompiler.TestSupport.Partitions;

namespace PartitionCompiler.OnnxSplitter.Tests.SubModels;

/// <summary>Models whose weights live in external data files: each stage gets its own <c>.data</c> file beside it.</summary>
public sealed class ExternalDataTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Each_stage_gets_its_own_data_file_which_ONNX_Runtime_loads_beside_it()
    {
        string path = ModelRecipes.WithExternalData().WriteTo(_folder.File("model/net.onnx"));
        var model = Stages.ReadFile(path);
        var plan = Stages.Plan(model, 1);

        var set = Stages.Build(model, plan);

        foreach (var stage in set.Stages)
        {
            Assert.NotNull(stage.Data);
            Assert.Equal(stage.RelativePath + ".data", stage.Data!.RelativePath);
            string location = Path.GetFileName(stage.Data.RelativePath);
            foreach (var tensor in Stages.Parse(stage).Graph.Initializer)
            {
                Assert.Equal(TensorProto.Types.DataLocation.External, tensor.DataLocation);
                var entries = tensor.ExternalData.ToDictionary(e => e.Key, e => e.Value);
                Assert.Equal(location, entries["location"]);
                Assert.Equal(0, long.Parse(entries["offset"]) % 64);
                Assert.Equal(tensor.Dims.Aggregate(4L, (a, d) => a * d), long.Parse(entries["length"]));
            }
        }

        string root = Path.Combine(_folder.Path, "partitions");
        var recorded = StageFiles.Write(set, plan, root);
        foreach (var stage in recorded.Stages)
        {
            string data = Path.Combine(root, stage.File + ".data");
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(data))), stage.DataSha256);
            Assert.Equal(set.Stages[stage.Index].Data!.Length, new FileInfo(data).Length);
        }

        var diagnostics = new DiagnosticBag();
        var report = PlanVerifier.Verify(model, recorded, root, new VerificationOptions(), diagnostics);
        Assert.True(report is { Passed: true }, Stages.Describe(diagnostics));
        Assert.Equal(["left_relu", "head_out"], report!.Tensors.Select(t => t.Name));
    }

    [Fact]
    public void Weights_of_a_mebibyte_or_more_start_at_a_multiple_of_64_KiB()
    {
        var builder = new OnnxModelBuilder(31).Named("wide").Input("x", ElementType.Float32, 1, 512)
            .Weight("small", 512).Weight("large", 512, 600).Weight("tail", 600, 10)
            .Node("Add", ["x", "small"], ["a"], "add")
            .Node("MatMul", ["a", "large"], ["m"], "wide")
            .Node("Relu", ["m"], ["r"], "relu")
            .Node("MatMul", ["r", "tail"], ["y"], "narrow")
            .Output("y", ElementType.Float32, 1, 10)
            .ExternalData();
        var model = Stages.ReadFile(builder.WriteTo(_folder.File("wide.onnx")));
        var plan = Stages.Plan(model, 2);

        var set = Stages.Build(model, plan);

        var offsets = Stages.Parse(set.Stages[0]).Graph.Initializer
            .ToDictionary(t => t.Name, t => long.Parse(t.ExternalData.Single(e => e.Key == "offset").Value));
        Assert.Equal(0, offsets["small"]);
        Assert.Equal(65536, offsets["large"]);
        Assert.Equal(65536 + (512 * 600 * 4), set.Stages[0].Data!.Length);
        var recorded = StageFiles.Write(set, plan, _folder.Path);
        var diagnostics = new DiagnosticBag();
        Assert.True(PlanVerifier.Verify(model, recorded, _folder.Path, new VerificationOptions(), diagnostics) is { Passed: true }, Stages.Describe(diagnostics));
    }

    [Fact]
    public void A_data_file_that_disappeared_after_reading_the_model_is_PC0407()
    {
        string path = ModelRecipes.WithExternalData().WriteTo(_folder.File("net.onnx"));
        var model = Stages.ReadFile(path);
        File.Delete(_folder.File("weights.bin"));
        var diagnostics = new DiagnosticBag();

        var set = SubModelBuilder.Build(model, Stages.Plan(model, 1), diagnostics);

        Assert.Null(set);
        var diagnostic = Assert.Single(diagnostics.Items);
        Assert.Equal("PC0407", diagnostic.Code);
        Assert.Equal(path, diagnostic.Location?.Path);
    }

    [Fact]
    public void Writing_a_data_file_whose_source_changed_since_the_build_throws_instead_of_writing_other_bytes()
    {
        string path = ModelRecipes.WithExternalData().WriteTo(_folder.File("net.onnx"));
        var model = Stages.ReadFile(path);
        var set = Stages.Build(model, Stages.Plan(model, 1));
        string weights = _folder.File("weights.bin");
        var bytes = File.ReadAllBytes(weights);
        bytes[0] ^= 0xFF;
        File.WriteAllBytes(weights, bytes);

        using var sink = new MemoryStream();
        Assert.Throws<InvalidDataException>(() => set.Stages[0].Data!.WriteTo(sink));
    }
}
