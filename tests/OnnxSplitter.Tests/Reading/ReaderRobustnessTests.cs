using PartitionCompiler.OnnxSplitter.Reading;
using PartitionCompiler.Partitioning.Diagnostics;
using PartitionCompiler.Partitioning.Graph;
using PartitionCompiler.Partitioning.Shapes;
using PartitionCompiler.TestSupport;

namespace PartitionCompiler.OnnxSplitter.Tests.Reading;

/// <summary>Damaged files never make the reader (or the graph and shape steps after it) throw.</summary>
public sealed class ReaderRobustnessTests
{
    public static TheoryData<int> Seeds => new(Enumerable.Range(1, 40));

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Model_with_flipped_bytes_reads_or_reports_without_throwing(int seed)
    {
        byte[] original = GeneratedModelCatalog.Bytes("with_if");
        var random = new Random(seed);
        byte[] damaged = (byte[])original.Clone();
        int flips = 1 + random.Next(8);
        for (int i = 0; i < flips; i++)
        {
            damaged[random.Next(damaged.Length)] ^= (byte)(1 << random.Next(8));
        }

        var diagnostics = new DiagnosticBag();
        var model = OnnxModelReader.Read(damaged, "damaged.onnx", Path.GetTempPath(), diagnostics);

        Assert.Equal(model is null, diagnostics.HasErrors);
        Assert.All(diagnostics.Items, d => Assert.Matches("^PC01[01][0-9]$", d.Code));
        if (model is not null && GraphBuilder.Build(model.Spec, model.Location, diagnostics) is { } graph)
        {
            ShapeInference.Infer(graph, [], diagnostics, null, model.Location);
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Model_cut_anywhere_reads_or_reports_without_throwing(int seed)
    {
        byte[] original = GeneratedModelCatalog.Bytes("two_branch_concat");
        int length = new Random(seed).Next(1, original.Length);

        var diagnostics = new DiagnosticBag();
        var model = OnnxModelReader.Read(original[..length], "cut.onnx", Path.GetTempPath(), diagnostics);

        // A cut inside a field is a truncation; a cut that happens to fall between two top-level fields leaves a shorter,
        // well-formed message (without its graph, PC0105, or without later fields such as opset_import).
        if (model is null)
        {
            Assert.Contains(Assert.Single(diagnostics.Items).Code, new[] { "PC0102", "PC0103", "PC0105" });
        }
        else
        {
            Assert.Empty(diagnostics.Items);
        }
    }
}
