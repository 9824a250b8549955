using PartitionCompiler.Partitioning.Manifest.Json;

namespace PartitionCompiler.Partitioning.Tests.Manifest;

public class NameSuggestionsTests
{
    [Theory]
    [InlineData("", "", 0)]
    [InlineData("abc", "", 3)]
    [InlineData("", "abc", 3)]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("flaw", "lawn", 2)]
    [InlineData("bandwith", "bandwidth", 1)]
    [InlineData("same", "same", 0)]
    public void Distance_is_the_levenshtein_distance(string a, string b, int expected)
    {
        Assert.Equal(expected, NameSuggestions.Distance(a, b));
        Assert.Equal(expected, NameSuggestions.Distance(b, a));
    }

    [Theory]
    [InlineData("bandwith", "bandwidth")]
    [InlineData("Compute", "compute")]
    [InlineData("lattency", "latency")]
    [InlineData("txpower", "txPower")]
    public void Nearest_finds_a_plausible_typo(string typo, string expected)
    {
        Assert.Equal(expected, NameSuggestions.Nearest(typo, ["bandwidth", "compute", "latency", "txPower", "power"]));
    }

    [Fact]
    public void Nearest_gives_nothing_for_an_unrelated_name()
    {
        Assert.Null(NameSuggestions.Nearest("colour", ["bandwidth", "compute", "latency"]));
        Assert.Equal("valid names here: a, b", NameSuggestions.Advice("zzzzzz", ["a", "b"]));
    }
}
