using PartitionCompiler.Codegen.Naming;

namespace PartitionCompiler.Codegen.Tests.Naming;

public sealed class IdentifierScopeTests
{
    [Fact]
    public void Later_claimants_of_a_name_get_numbered_suffixes_in_claim_order()
    {
        var scope = new IdentifierScope([]);

        string[] claimed = [.. new[] { "a_b", "a-b", "A B", "ab" }.Select(n => scope.Claim(n, IdentifierCase.Pascal, "Tensor"))];

        Assert.Equal(["AB", "AB_2", "AB_3", "Ab"], claimed);
    }

    [Fact]
    public void Reserved_names_are_never_handed_out()
    {
        var scope = new IdentifierScope(["Equals", "Inputs"]);

        Assert.Equal("Equals_2", scope.Claim("equals", IdentifierCase.Pascal, "Tensor"));
        Assert.Equal("Inputs_2", scope.Claim("inputs", IdentifierCase.Pascal, "Tensor"));
    }

    [Fact]
    public void A_suffix_that_is_itself_taken_is_skipped()
    {
        var scope = new IdentifierScope(["X1_2"]);

        Assert.Equal("X1", scope.Claim("x1", IdentifierCase.Pascal, "Tensor"));
        Assert.Equal("X1_3", scope.Claim("X1", IdentifierCase.Pascal, "Tensor"));
    }

    [Fact]
    public void Keywords_keep_the_verbatim_prefix_and_suffixed_copies_drop_it()
    {
        var scope = new IdentifierScope([]);

        Assert.Equal("@class", scope.Claim("class", IdentifierCase.Camel, "tensor"));
        Assert.Equal("class_2", scope.Claim("class", IdentifierCase.Camel, "tensor"));
    }

    [Fact]
    public void Empty_names_share_the_fallback_with_suffixes()
    {
        var scope = new IdentifierScope([]);

        Assert.Equal("Tensor", scope.Claim(string.Empty, IdentifierCase.Pascal, "Tensor"));
        Assert.Equal("Tensor_2", scope.Claim("*/", IdentifierCase.Pascal, "Tensor"));
    }
}
