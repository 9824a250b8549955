using System.Text;
using System.Text.Json;
using PartitionCompiler.Partitioning.Manifest.Json;

namespace PartitionCompiler.Partitioning.Tests.Manifest;

public class LocatedJsonParserTests
{
    private static LocatedJsonValue ParseOk(string text)
    {
        var root = LocatedJsonParser.Parse(text, "f.json", out var error);
        Assert.Null(error);
        Assert.NotNull(root);
        return root;
    }

    [Fact]
    public void Properties_and_values_carry_one_based_lines_and_columns()
    {
        string text = "{\n  \"a\": 1,\n    \"b\": [true, \"x\"]\n}";
        var root = ParseOk(text);
        Assert.Equal((1, 1), (root.Location.Line!.Value, root.Location.Column!.Value));
        var a = root.Properties[0];
        Assert.Equal(("a", 2, 3), (a.Name, a.NameLocation.Line!.Value, a.NameLocation.Column!.Value));
        Assert.Equal((2, 8), (a.Value.Location.Line!.Value, a.Value.Location.Column!.Value));
        var b = root.Properties[1].Value;
        Assert.Equal(JsonValueKind.Array, b.Kind);
        Assert.Equal((3, 11), (b.Items[0].Location.Line!.Value, b.Items[0].Location.Column!.Value));
        Assert.Equal((3, 17), (b.Items[1].Location.Line!.Value, b.Items[1].Location.Column!.Value));
    }

    [Fact]
    public void Columns_count_characters_not_utf8_bytes()
    {
        // "é" is 2 UTF-8 bytes, "€" 3, "😀" 4 (one scalar value, two UTF-16 units): each is one column.
        string text = "{ \"é€😀\": \"ü\", \"n\": 1 }";
        var root = ParseOk(text);
        Assert.Equal(3, root.Properties[0].NameLocation.Column);
        Assert.Equal(10, root.Properties[0].Value.Location.Column);
        Assert.Equal(15, root.Properties[1].NameLocation.Column);
        Assert.Equal(20, root.Properties[1].Value.Location.Column);
    }

    [Fact]
    public void Crlf_line_ends_and_a_byte_order_mark_do_not_shift_positions()
    {
        string text = "\uFEFF{\r\n  // note\r\n  \"a\": 1\r\n}";
        var root = ParseOk(text);
        Assert.Equal((3, 3), (root.Properties[0].NameLocation.Line!.Value, root.Properties[0].NameLocation.Column!.Value));
        Assert.Equal((1, 1), (root.Location.Line!.Value, root.Location.Column!.Value));

        byte[] withBom = [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes("{\"a\": 1}")];
        var fromBytes = LocatedJsonParser.Parse(withBom, "f.json", out var error);
        Assert.Null(error);
        Assert.Equal(2, fromBytes!.Properties[0].NameLocation.Column);
    }

    [Fact]
    public void Comments_and_trailing_commas_are_allowed()
    {
        var root = ParseOk("/* head */ { \"a\": [1, 2,], // tail\n \"b\": 2, }");
        Assert.Equal(2, root.Properties.Count);
        Assert.Equal(2, root.Properties[0].Value.Items.Count);
    }

    [Fact]
    public void Numbers_keep_their_text_and_whole_values()
    {
        var root = ParseOk("[1, 2.0, 2.5, 1e3, -4]");
        Assert.Equal(new long?[] { 1, 2, null, 1000, -4 }, root.Items.Select(i => i.Integer));
        Assert.Equal(new[] { "1", "2.0", "2.5", "1e3", "-4" }, root.Items.Select(i => i.RawNumber));
    }

    [Fact]
    public void Duplicate_properties_are_kept_in_file_order()
    {
        var root = ParseOk("{\"a\": 1, \"a\": 2}");
        Assert.Equal(new[] { 1.0, 2.0 }, root.Properties.Select(p => p.Value.Number));
    }

    [Theory]
    [InlineData("{\n  \"a\": 1\n  \"b\": 2\n}", 3, 3)]
    [InlineData("{\n  \"a\": ,\n}", 2, 8)]
    [InlineData("{ \"ü\": tru }", 1, 11)] // the reader points at the first character it could not accept
    [InlineData("", 1, 1)]
    [InlineData("   ", 1, 4)]
    [InlineData("{} {}", 1, 4)]
    [InlineData("{\"a\": 1e999}", 1, 7)]
    [InlineData("{\"a\": [1, 2}", 1, 12)]
    public void Syntax_errors_have_the_location_of_the_bad_token(string text, int line, int column)
    {
        var root = LocatedJsonParser.Parse(text, "f.json", out var error);
        Assert.Null(root);
        Assert.NotNull(error);
        Assert.Equal(("f.json", line, column), (error.Location.Path, error.Location.Line!.Value, error.Location.Column!.Value));
        Assert.DoesNotContain("BytePositionInLine", error.Message, StringComparison.Ordinal);
        Assert.NotEmpty(error.Message);
    }

    [Fact]
    public void Invalid_utf8_is_a_syntax_error_not_an_exception()
    {
        byte[] bytes = [(byte)'{', (byte)'"', 0xC3, 0x28, (byte)'"', (byte)':', (byte)'1', (byte)'}'];
        var root = LocatedJsonParser.Parse(bytes, "f.json", out var error);
        Assert.Null(root);
        Assert.NotNull(error);
        Assert.Equal(1, error.Location.Line);
    }
}
