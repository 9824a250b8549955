using PartitionCompiler.Codegen.Naming;

namespace PartitionCompiler.Codegen.Tests.Naming;

public sealed class DisplayTextTests
{
    [Theory]
    [InlineData("plain name", "plain name")]
    [InlineData("a\nb", "a\\u000Ab")]
    [InlineData("a\r\nb", "a\\u000D\\u000Ab")]
    [InlineData("x\u2028y\u2029z\u0085", "x\\u2028y\\u2029z\\u0085")]
    [InlineData("\u202Eevil\u202C", "\\u202Eevil\\u202C")]
    [InlineData("x\u200Dy", "x\\u200Dy")]
    [InlineData("pair \U0001F600", "pair \U0001F600")]
    [InlineData("*/ </summary> &", "*/ </summary> &")]
    public void Characters_that_break_or_hide_a_line_are_escaped(string text, string shown) =>
        Assert.Equal(shown, DisplayText.Escape(text));

    [Fact]
    public void Lone_surrogates_are_escaped_and_pairs_kept()
    {
        // Built in code: attribute arguments are stored as UTF-8, which cannot hold a lone surrogate.
        string text = "lone " + '\uD800' + " then " + '\uDC00' + " pair \U0001F600";

        Assert.Equal("lone \\uD800 then \\uDC00 pair \U0001F600", DisplayText.Escape(text));
    }
}
