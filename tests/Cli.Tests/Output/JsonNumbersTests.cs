using PartitionCompiler.Cli.Output;

namespace PartitionCompiler.Cli.Tests.Output;

public sealed class JsonNumbersTests
{
    [Theory]
    [InlineData("1", "1.0")]
    [InlineData("1", "1e0")]
    [InlineData("1", "10E-1")]
    [InlineData("0.5", "5e-1")]
    [InlineData("120", "1.2e2")]
    [InlineData("0", "-0")]
    [InlineData("0", "0.000e5")]
    [InlineData("-2.50", "-25e-1")]
    [InlineData("1e-30", "0.1e-29")]
    [InlineData("83.2", "83.20000")]
    public void Equal_values_in_different_spellings_are_equal(string left, string right) =>
        Assert.True(JsonNumbers.ValueEquals(left, right));

    [Theory]
    [InlineData("1", "-1")]
    [InlineData("0.1", "0.10000000000000001")]
    [InlineData("1e-30", "2e-30")]
    [InlineData("9007199254740993", "9007199254740992")]
    [InlineData("1.5", "15")]
    public void Different_values_differ(string left, string right) =>
        Assert.False(JsonNumbers.ValueEquals(left, right));

    [Fact]
    public void Canonical_form_strips_zeros_and_moves_them_to_the_exponent() =>
        Assert.Equal("-12e3", JsonNumbers.Canonical("-0012000.000"));
}
