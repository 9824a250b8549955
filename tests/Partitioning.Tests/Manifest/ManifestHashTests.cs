using System.Security.Cryptography;
using System.Text;
using PartitionCompiler.Partitioning.Manifest;

namespace PartitionCompiler.Partitioning.Tests.Manifest;

public class ManifestHashTests
{
    [Fact]
    public void The_hash_is_lowercase_hex_sha256_of_the_bytes()
    {
        // Known answer: SHA-256("abc") from FIPS 180-2, appendix B.1.
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", ManifestHash.Compute("abc"u8));
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", ManifestHash.Compute("abc"));
    }

    [Fact]
    public void Crlf_and_lf_files_hash_alike()
    {
        string lf = ManifestSamples.Design;
        string crlf = lf.Replace("\n", "\r\n", StringComparison.Ordinal);
        Assert.NotEqual(lf, crlf);
        Assert.Equal(ManifestHash.Compute(lf), ManifestHash.Compute(crlf));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(lf))), ManifestHash.Compute(crlf));
    }

    [Theory]
    [InlineData("a\rb")]
    [InlineData("a\n\rb")]
    [InlineData("a\r")]
    public void Only_crlf_pairs_change(string text)
    {
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text))), ManifestHash.Compute(text));
    }

    [Fact]
    public void Any_other_change_changes_the_hash()
    {
        Assert.NotEqual(ManifestHash.Compute(ManifestSamples.Design), ManifestHash.Compute(ManifestSamples.Design + " "));
    }
}
