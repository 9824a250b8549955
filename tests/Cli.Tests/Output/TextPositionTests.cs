using System.Text;
using PartitionCompiler.Cli.Output;

namespace PartitionCompiler.Cli.Tests.Output;

public sealed class TextPositionTests
{
    [Theory]
    [InlineData("abc", 0, 1, 1)]
    [InlineData("abc", 2, 1, 3)]
    [InlineData("a\nbc", 3, 2, 2)]
    [InlineData("a\r\n\r\nxyz", 6, 3, 2)]
    public void Offsets_map_to_one_based_lines_and_columns(string text, int offset, int line, int column) =>
        Assert.Equal((line, column), TextPosition.FromUtf8Offset(Encoding.UTF8.GetBytes(text), offset));

    [Fact]
    public void Columns_count_characters_not_bytes()
    {
        byte[] utf8 = Encoding.UTF8.GetBytes("{\"n\": \"héllo\", \"x\": 1}");
        int offset = Encoding.UTF8.GetByteCount("{\"n\": \"héllo\", \"x\": ");

        Assert.Equal((1, 21), TextPosition.FromUtf8Offset(utf8, offset));
    }
}
