using System.Text;
using PartitionCompiler.Cli.Output;

namespace PartitionCompiler.Cli.Tests.Output;

public sealed class AtomicFileTests
{
    private static readonly DateTime LongAgo = new(2001, 2, 3, 4, 5, 6, DateTimeKind.Utc);

    [Fact]
    public void New_file_is_written_and_its_folder_created()
    {
        using var temp = new TempFolder();
        string path = temp.File("a", "b", "out.bin");

        bool written = AtomicFile.WriteIfChanged(path, "hello"u8);

        Assert.True(written);
        Assert.Equal("hello", File.ReadAllText(path));
    }

    [Fact]
    public void Equal_bytes_leave_the_file_untouched()
    {
        using var temp = new TempFolder();
        string path = temp.File("out.txt");
        File.WriteAllText(path, "same");
        File.SetLastWriteTimeUtc(path, LongAgo);

        bool written = AtomicFile.WriteIfChanged(path, "same"u8);

        Assert.False(written);
        Assert.Equal(LongAgo, File.GetLastWriteTimeUtc(path));
    }

    [Theory]
    [InlineData("samf")]
    [InlineData("same!")]
    [InlineData("sam")]
    [InlineData("")]
    public void Different_bytes_replace_the_file(string content)
    {
        using var temp = new TempFolder();
        string path = temp.File("out.txt");
        File.WriteAllText(path, "same");
        File.SetLastWriteTimeUtc(path, LongAgo);

        bool written = AtomicFile.WriteIfChanged(path, Encoding.UTF8.GetBytes(content));

        Assert.True(written);
        Assert.Equal(content, File.ReadAllText(path));
        Assert.NotEqual(LongAgo, File.GetLastWriteTimeUtc(path));
    }

    [Fact]
    public void No_temporary_file_is_left_behind()
    {
        using var temp = new TempFolder();
        AtomicFile.WriteIfChanged(temp.File("x.json"), "1"u8);
        AtomicFile.WriteIfChanged(temp.File("x.json"), "2"u8);

        Assert.Equal(["x.json"], Directory.GetFiles(temp.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void Content_larger_than_one_chunk_is_compared_in_full()
    {
        using var temp = new TempFolder();
        string path = temp.File("big.bin");
        byte[] content = new byte[200_000];
        new Random(7).NextBytes(content);
        File.WriteAllBytes(path, content);

        Assert.True(AtomicFile.ContentEquals(path, content));
        content[^1] ^= 1;
        Assert.False(AtomicFile.ContentEquals(path, content));
        Assert.False(AtomicFile.ContentEquals(temp.File("missing.bin"), content));
    }
}
