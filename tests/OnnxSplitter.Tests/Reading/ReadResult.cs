using PartitionCompiler.OnnxSplitter.Reading;
using PartitionCompiler.Partitioning.Diagnostics;
using PartitionCompiler.TestSupport;

namespace PartitionCompiler.OnnxSplitter.Tests.Reading;

/// <summary>What the reader returned for one file, with helpers that write test models and read them back.</summary>
internal sealed record ReadResult(OnnxModel? Model, DiagnosticBag Diagnostics)
{
    public static ReadResult Of(string path)
    {
        var diagnostics = new DiagnosticBag();
        return new(OnnxModelReader.Read(path, diagnostics), diagnostics);
    }

    public static ReadResult Of(OnnxModelBuilder builder, TempFolder folder, string fileName = "model.onnx") =>
        Of(builder.WriteTo(folder.File(fileName)));

    public static ReadResult OfBytes(byte[] bytes, TempFolder folder, string fileName = "model.onnx")
    {
        string path = folder.File(fileName);
        File.WriteAllBytes(path, bytes);
        return Of(path);
    }

    /// <summary>The model, asserting that reading reported nothing.</summary>
    public OnnxModel Ok()
    {
        Assert.Empty(Diagnostics.Items.Select(d => d.ToCanonicalString()));
        Assert.NotNull(Model);
        return Model;
    }

    /// <summary>Asserts that reading failed with exactly one error of <paramref name="code"/>, and returns it.</summary>
    public Diagnostic Fails(string code)
    {
        Assert.Null(Model);
        var diagnostic = Assert.Single(Diagnostics.Items);
        Assert.Equal(code, diagnostic.Code);
        Assert.True(diagnostic.IsError);
        return diagnostic;
    }
}
