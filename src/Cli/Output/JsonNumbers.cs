using System.Globalization;
using System.Text;

namespace PartitionCompiler.Cli.Output;

/// <summary>
/// Compares JSON number literals by value, exactly: <c>1</c>, <c>1.0</c>, <c>1e0</c> and <c>10E-1</c> are equal;
/// <c>0.1</c> and <c>0.10000000000000001</c> are not. No floating-point conversion is involved.
/// </summary>
internal static class JsonNumbers
{
    public static bool ValueEquals(string left, string right) =>
        string.Equals(Canonical(left), Canonical(right), StringComparison.Ordinal);

    /// <summary>The literal as <c>[-]digits e exponent</c> with no leading or trailing zeros in the digits
    /// (<c>0</c> for zero, whatever its sign); the literal itself when it is not a JSON number.</summary>
    public static string Canonical(string literal)
    {
        int i = 0;
        bool negative = i < literal.Length && literal[i] == '-';
        if (negative)
        {
            i++;
        }

        var digits = new StringBuilder();
        long exponent = 0;
        bool any = false;
        while (i < literal.Length && char.IsAsciiDigit(literal[i]))
        {
            digits.Append(literal[i++]);
            any = true;
        }

        if (i < literal.Length && literal[i] == '.')
        {
            i++;
            while (i < literal.Length && char.IsAsciiDigit(literal[i]))
            {
                digits.Append(literal[i++]);
                exponent--;
                any = true;
            }
        }

        if (i < literal.Length && (literal[i] == 'e' || literal[i] == 'E'))
        {
            if (!long.TryParse(literal.AsSpan(i + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long written))
            {
                return literal;
            }

            exponent += written;
            i = literal.Length;
        }

        if (!any || i != literal.Length)
        {
            return literal;
        }

        string significant = digits.ToString().TrimStart('0');
        if (significant.Length == 0)
        {
            return "0";
        }

        int trailing = significant.Length - significant.TrimEnd('0').Length;
        significant = significant[..^trailing];
        exponent += trailing;
        return string.Create(CultureInfo.InvariantCulture, $"{(negative ? "-" : "")}{significant}e{exponent}");
    }
}
