using System.Globalization;
using System.Text;

namespace PartitionCompiler.Tasks;

/// <summary>
/// The C# naming rules the task applies to <c>ClassName</c> and <c>Namespace</c> metadata: the default class name
/// (PascalCase of the model file's stem, then <c>Plan</c>) and identifier checks, so that a bad name fails with a
/// PC00xx error naming the item instead of as a compiler error in generated code.
/// </summary>
internal static class CSharpNames
{
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const",
        "continue", "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern",
        "false", "finally", "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface",
        "internal", "is", "lock", "long", "namespace", "new", "null", "object", "operator", "out", "override",
        "params", "private", "protected", "public", "readonly", "ref", "return", "sbyte", "sealed", "short",
        "sizeof", "stackalloc", "static", "string", "struct", "switch", "this", "throw", "true", "try", "typeof",
        "uint", "ulong", "unchecked", "unsafe", "ushort", "using", "virtual", "void", "volatile", "while",
    };

    /// <summary>
    /// PascalCase of a file stem plus <c>Plan</c>: the stem is split at every character that is not a letter or a
    /// digit, each part's first letter is upper-cased and the parts are joined (<c>light_bvlc_alexnet</c> ->
    /// <c>LightBvlcAlexnetPlan</c>). A result starting with a digit gets a leading <c>_</c>.
    /// </summary>
    public static string DefaultClassName(string modelStem)
    {
        var builder = new StringBuilder();
        bool startOfPart = true;
        foreach (char c in modelStem)
        {
            if (!char.IsLetterOrDigit(c))
            {
                startOfPart = true;
                continue;
            }

            builder.Append(startOfPart ? char.ToUpperInvariant(c) : c);
            startOfPart = false;
        }

        if (builder.Length > 0 && char.IsDigit(builder[0]))
        {
            builder.Insert(0, '_');
        }

        return builder.Append("Plan").ToString();
    }

    /// <summary>True when <paramref name="name"/> is a plain C# identifier (no <c>@</c>, not a keyword).</summary>
    public static bool IsIdentifier(string name)
    {
        if (name.Length == 0 || Keywords.Contains(name))
        {
            return false;
        }

        for (int i = 0; i < name.Length; i++)
        {
            char c = name[i];
            bool ok = c == '_' || char.IsLetter(c) || (i > 0 && (char.IsDigit(c) || IsConnectingOrCombining(c)));
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when <paramref name="name"/> is one or more identifiers joined by dots.</summary>
    public static bool IsNamespace(string name) =>
        name.Length > 0 && name.Split('.').All(IsIdentifier);

    private static bool IsConnectingOrCombining(char c)
    {
        UnicodeCategory category = CharUnicodeInfo.GetUnicodeCategory(c);
        return category is UnicodeCategory.ConnectorPunctuation or UnicodeCategory.NonSpacingMark
            or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.DecimalDigitNumber;
    }
}
