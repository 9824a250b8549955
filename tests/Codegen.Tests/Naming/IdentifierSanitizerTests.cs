using PartitionCompiler.Codegen.Naming;

namespace PartitionCompiler.Codegen.Tests.Naming;

public sealed class IdentifierSanitizerTests
{
    [Theory]
    [InlineData("images", "Images", "images")]
    [InlineData("pool2_out", "Pool2Out", "pool2Out")]
    [InlineData("conv1/Relu:0", "Conv1Relu0", "conv1Relu0")]
    [InlineData("conv1_2", "Conv1_2", "conv1_2")]
    [InlineData("onnx::Gather_42", "OnnxGather42", "onnxGather42")]
    [InlineData("123abc", "_123abc", "_123abc")]
    [InlineData("a b\tc\nd", "ABCD", "aBCD")]
    [InlineData("Images", "Images", "images")]
    [InlineData("café", "Café", "café")]
    [InlineData("Δοκιμή", "Δοκιμή", "Δοκιμή")]
    [InlineData("очки", "очки", "очки")]
    [InlineData("張量", "張量", "張量")]
    [InlineData("x\u200Dy", "Xy", "xy")]
    [InlineData("\u0301accent", "_\u0301accent", "_\u0301accent")]
    [InlineData("edge-server", "EdgeServer", "edgeServer")]
    public void Names_become_identifiers(string name, string pascal, string camel)
    {
        Assert.Equal(pascal, IdentifierSanitizer.Bare(name, IdentifierCase.Pascal, "Tensor"));
        Assert.Equal(camel, IdentifierSanitizer.Bare(name, IdentifierCase.Camel, "tensor"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("*/")]
    [InlineData("___")]
    [InlineData("\U0001F600")]
    [InlineData("\u202E\u202C")]
    public void Names_without_usable_characters_take_the_fallback(string name) =>
        Assert.Equal("Tensor", IdentifierSanitizer.Bare(name, IdentifierCase.Pascal, "Tensor"));

    [Fact]
    public void Lone_surrogates_separate_words()
    {
        // Built in code: attribute arguments are stored as UTF-8, which cannot hold a lone surrogate.
        string name = "a" + '\uD800' + "b";

        Assert.Equal("AB", IdentifierSanitizer.Bare(name, IdentifierCase.Pascal, "Tensor"));
    }

    [Theory]
    [InlineData("class", "@class")]
    [InlineData("await", "@await")]
    [InlineData("var", "@var")]
    [InlineData("field", "@field")]
    [InlineData("images", "images")]
    public void Keywords_are_escaped_with_the_verbatim_prefix(string bare, string escaped) =>
        Assert.Equal(escaped, IdentifierSanitizer.Escape(bare));

    [Fact]
    public void Pascal_case_never_yields_a_keyword()
    {
        Assert.Equal("Class", IdentifierSanitizer.Bare("class", IdentifierCase.Pascal, "Tensor"));
        Assert.False(IdentifierSanitizer.IsKeyword("Class"));
    }

    [Fact]
    public void Long_names_are_cut_to_the_maximum_length()
    {
        string result = IdentifierSanitizer.Bare(new string('n', 1000), IdentifierCase.Pascal, "Tensor");

        Assert.Equal(IdentifierSanitizer.MaxLength, result.Length);
        Assert.StartsWith("N", result, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("DetectorPlan", true)]
    [InlineData("ДетекторПлан", true)]
    [InlineData("_x1", true)]
    [InlineData("1Plan", false)]
    [InlineData("class", false)]
    [InlineData("Detector Plan", false)]
    [InlineData("A\u200DB", false)]
    [InlineData("", false)]
    public void Plain_identifiers_are_recognised(string text, bool plain) =>
        Assert.Equal(plain, IdentifierSanitizer.IsPlainIdentifier(text));
}
