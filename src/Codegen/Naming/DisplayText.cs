using System.Globalization;
using System.Text;

namespace PartitionCompiler.Codegen.Naming;

/// <summary>
/// Shows untrusted text on one line: characters that would end a line, hide or reorder text (control, format and
/// bidirectional characters, line and paragraph separators, lone surrogates, unassigned code points) become
/// <c>\uXXXX</c>. Used in diagnostic messages and, after XML escaping, in generated doc comments.
/// </summary>
internal static class DisplayText
{
    /// <summary>Escapes the characters of <paramref name="text"/> that must not appear raw.</summary>
    /// <param name="text">Untrusted text.</param>
    /// <returns>The text on one line, visible characters unchanged.</returns>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        StringBuilder? result = null;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            bool pair = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
            if (pair)
            {
                result?.Append(c).Append(text[i + 1]);
                i++;
                continue;
            }

            if (!MustEscape(c))
            {
                result?.Append(c);
                continue;
            }

            result ??= new StringBuilder(text, 0, i, text.Length + 16);
            result.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
        }

        return result?.ToString() ?? text;
    }

    /// <summary>Whether <paramref name="c"/> (not part of a surrogate pair) must not appear raw.</summary>
    /// <param name="c">A UTF-16 code unit.</param>
    /// <returns><see langword="true"/> for control, format, separator, surrogate and unassigned characters.</returns>
    public static bool MustEscape(char c) => CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Control
        or UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
        or UnicodeCategory.Surrogate or UnicodeCategory.OtherNotAssigned or UnicodeCategory.PrivateUse;
}
