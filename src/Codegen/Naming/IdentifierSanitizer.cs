using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace PartitionCompiler.Codegen.Naming;

/// <summary>
/// Turns an untrusted name (an ONNX tensor name, a manifest device name) into a valid C# identifier.
/// </summary>
/// <remarks>
/// <para>
/// The name is split into words at every character that cannot be part of a C# identifier (punctuation, whitespace,
/// control characters, lone surrogates) and at connector punctuation such as <c>_</c>. Characters that C# accepts in
/// identifiers are kept, non-Latin letters included; formatting characters (category Cf) are dropped, because C#
/// ignores them when it compares identifiers and two names differing only in them would collide unseen. Words are
/// joined in Pascal or camel case, changing only ASCII letters, so the result does not depend on culture data; where
/// two joined words would run digits together, a <c>_</c> keeps them apart (<c>conv1_2</c> becomes <c>Conv1_2</c>).
/// </para>
/// <para>
/// A name with no usable character becomes the caller's fallback; a result that cannot start an identifier (a leading
/// digit or combining mark) gets a <c>_</c> prefix; results are cut to <see cref="MaxLength"/> characters (C# rejects
/// identifiers over 512); a keyword or contextual keyword gets the verbatim prefix <c>@</c>. Uniqueness within a scope
/// is the job of <see cref="IdentifierScope"/>.
/// </para>
/// </remarks>
internal static class IdentifierSanitizer
{
    /// <summary>The longest identifier produced, before a collision suffix.</summary>
    public const int MaxLength = 64;

    /// <summary>Sanitises <paramref name="name"/>, without the verbatim <c>@</c> (see <see cref="Escape"/>).</summary>
    /// <param name="name">The untrusted name; may be empty.</param>
    /// <param name="casing">How words are joined.</param>
    /// <param name="fallback">The identifier used when the name has no usable character (itself a valid identifier).</param>
    /// <returns>A valid identifier body: letters, digits and <c>_</c> only, not starting with a digit.</returns>
    public static string Bare(string name, IdentifierCase casing, string fallback)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentException.ThrowIfNullOrEmpty(fallback);
        var result = new StringBuilder(Math.Min(name.Length, MaxLength));
        foreach (string word in Words(name))
        {
            bool first = result.Length == 0;
            if (!first && char.IsAsciiDigit(result[^1]) && char.IsAsciiDigit(word[0]))
            {
                result.Append('_');
            }

            char head = word[0];
            head = first && casing == IdentifierCase.Camel ? ToAsciiLower(head) : ToAsciiUpper(head);
            result.Append(head).Append(word, 1, word.Length - 1);
            if (result.Length >= MaxLength)
            {
                break;
            }
        }

        if (result.Length == 0)
        {
            return fallback;
        }

        if (!SyntaxFacts.IsIdentifierStartCharacter(result[0]))
        {
            result.Insert(0, '_');
        }

        return result.Length > MaxLength ? result.ToString(0, MaxLength) : result.ToString();
    }

    /// <summary>The identifier as it must be written in code: with <c>@</c> when it is a keyword.</summary>
    /// <param name="bare">A bare identifier from <see cref="Bare"/> or a scope.</param>
    /// <returns><paramref name="bare"/>, or <c>@</c> + <paramref name="bare"/> for a keyword.</returns>
    public static string Escape(string bare) => IsKeyword(bare) ? "@" + bare : bare;

    /// <summary>Whether <paramref name="text"/> is a C# keyword or contextual keyword.</summary>
    /// <param name="text">An identifier body.</param>
    /// <returns><see langword="true"/> for <c>class</c>, <c>await</c>, <c>var</c>, <c>field</c>...</returns>
    public static bool IsKeyword(string text) =>
        SyntaxFacts.GetKeywordKind(text) != SyntaxKind.None || SyntaxFacts.GetContextualKeywordKind(text) != SyntaxKind.None;

    /// <summary>Whether <paramref name="text"/> is usable as written: a valid identifier that is not a keyword.</summary>
    /// <param name="text">The text to check.</param>
    /// <returns><see langword="true"/> when it needs no sanitising.</returns>
    public static bool IsPlainIdentifier(string text) =>
        SyntaxFacts.IsValidIdentifier(text) && !IsKeyword(text) && !text.Any(IsFormatCharacter) && text.Length <= 512;

    private static IEnumerable<string> Words(string name)
    {
        var word = new StringBuilder();
        foreach (char c in name)
        {
            if (IsFormatCharacter(c))
            {
                continue;
            }

            if (SyntaxFacts.IsIdentifierPartCharacter(c) && CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.ConnectorPunctuation)
            {
                word.Append(c);
                continue;
            }

            if (word.Length > 0)
            {
                yield return word.ToString();
                word.Clear();
            }
        }

        if (word.Length > 0)
        {
            yield return word.ToString();
        }
    }

    private static bool IsFormatCharacter(char c) => CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format;

    private static char ToAsciiUpper(char c) => char.IsAsciiLetterLower(c) ? (char)(c - 'a' + 'A') : c;

    private static char ToAsciiLower(char c) => char.IsAsciiLetterUpper(c) ? (char)(c - 'A' + 'a') : c;
}
