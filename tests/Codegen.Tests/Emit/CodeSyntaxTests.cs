using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PartitionCompiler.Codegen.Emit;

namespace PartitionCompiler.Codegen.Tests.Emit;

public sealed class CodeSyntaxTests
{
    [Theory]
    [InlineData(1.0, "1.0")]
    [InlineData(2500000.0, "2500000.0")]
    [InlineData(0.1, "0.1")]
    [InlineData(1e-5, "1E-05")]
    [InlineData(1e300, "1E+300")]
    [InlineData(-0.5, "-0.5")]
    [InlineData(double.PositiveInfinity, "double.PositiveInfinity")]
    [InlineData(double.NaN, "double.NaN")]
    public void Doubles_read_back_as_the_same_double(double value, string text)
    {
        var literal = CodeSyntax.Double(value);

        Assert.Equal(text, literal.ToString());
        if (double.IsFinite(value))
        {
            // The literal's token (after any unary minus) must parse as a double, not an int.
            object? parsed = SyntaxFactory.ParseExpression(text).DescendantNodesAndSelf().OfType<LiteralExpressionSyntax>().Single().Token.Value;
            Assert.Equal(Math.Abs(value), Assert.IsType<double>(parsed));
        }
    }

    [Theory]
    [InlineData("plain")]
    [InlineData("quote \" backslash \\ newline \n tab \t")]
    [InlineData("bidi \u202E override \u202C zero width \u200D")]
    [InlineData("separators \u2028 \u2029 \u0085")]
    [InlineData("")]
    [InlineData("lone {D800} surrogate")]
    public void String_literals_hold_the_exact_value_and_no_invisible_characters(string data)
    {
        // Attribute arguments are stored as UTF-8, which cannot hold a lone surrogate: it is put in here.
        string value = data.Replace("{D800}", "\uD800", StringComparison.Ordinal);
        LiteralExpressionSyntax literal = CodeSyntax.String(value);
        var reparsed = (LiteralExpressionSyntax)SyntaxFactory.ParseExpression(literal.ToString());

        Assert.Equal(value, reparsed.Token.ValueText);
        Assert.DoesNotContain(literal.ToString(), c => c is '\n' or '\u202E' or '\u200D' or '\u2028' or '\u0085' or '\uD800');
    }
}
