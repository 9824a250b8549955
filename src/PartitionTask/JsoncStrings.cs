using System.Globalization;
using System.Text;

namespace PartitionCompiler.Tasks;

/// <summary>
/// A small scanner for JSON with comments (<c>//</c>, <c>/* */</c>) that yields the string values of every property
/// with a given name, at any depth. It does not validate the document: the task only needs a best-effort list of
/// input files, and the CLI reports a malformed manifest itself.
/// </summary>
internal static class JsoncStrings
{
    public static IEnumerable<string> ValuesOfProperty(string text, string propertyName)
    {
        string? previousString = null;
        bool expectValue = false;
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (c == '/' && i + 1 < text.Length && text[i + 1] == '/')
            {
                i = SkipLineComment(text, i);
            }
            else if (c == '/' && i + 1 < text.Length && text[i + 1] == '*')
            {
                i = SkipBlockComment(text, i);
            }
            else if (c == '"')
            {
                string value = ReadString(text, ref i);
                if (expectValue)
                {
                    yield return value;
                    expectValue = false;
                    previousString = null;
                }
                else
                {
                    previousString = value;
                }
            }
            else if (c == ':')
            {
                expectValue = previousString == propertyName;
                previousString = null;
                i++;
            }
            else
            {
                if (!char.IsWhiteSpace(c))
                {
                    expectValue = false;
                    previousString = null;
                }

                i++;
            }
        }
    }

    private static int SkipLineComment(string text, int i)
    {
        int end = text.IndexOf('\n', i);
        return end < 0 ? text.Length : end + 1;
    }

    private static int SkipBlockComment(string text, int i)
    {
        int end = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
        return end < 0 ? text.Length : end + 2;
    }

    // Reads the string starting at text[i] == '"'; leaves i after its closing quote.
    private static string ReadString(string text, ref int i)
    {
        var builder = new StringBuilder();
        i++;
        while (i < text.Length && text[i] != '"')
        {
            char c = text[i];
            if (c == '\\' && i + 1 < text.Length)
            {
                char escaped = text[i + 1];
                i += 2;
                switch (escaped)
                {
                    case 'n': builder.Append('\n'); break;
                    case 't': builder.Append('\t'); break;
                    case 'r': builder.Append('\r'); break;
                    case 'b': builder.Append('\b'); break;
                    case 'f': builder.Append('\f'); break;
                    case 'u' when i + 4 <= text.Length
                        && int.TryParse(text.Substring(i, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out int code):
                        builder.Append((char)code);
                        i += 4;
                        break;
                    default: builder.Append(escaped); break;
                }
            }
            else
            {
                builder.Append(c);
                i++;
            }
        }

        i++;
        return builder.ToString();
    }
}
