using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PartitionCompiler.Codegen.Naming;

namespace PartitionCompiler.Codegen.Emit;

/// <summary>
/// Builds an XML doc comment. Markup comes from the emitters; untrusted text enters only through <see cref="Text"/>
/// and <see cref="Code"/>, which escape it for XML and keep it on one line, so a name holding <c>&lt;/summary&gt;</c>,
/// <c>&amp;</c> or a line break stays text inside the comment.
/// </summary>
internal sealed class DocComment
{
    private readonly List<string> _lines = [];

    private DocComment()
    {
    }

    /// <summary>A comment with a one-line summary.</summary>
    public static DocComment Summary(string xml) => new DocComment().Element("summary", xml);

    /// <summary>Untrusted text, XML-escaped and on one line.</summary>
    public static string Text(string untrusted)
    {
        var xml = new StringBuilder(untrusted.Length + 8);
        foreach (char c in DisplayText.Escape(untrusted))
        {
            _ = c switch
            {
                '&' => xml.Append("&amp;"),
                '<' => xml.Append("&lt;"),
                '>' => xml.Append("&gt;"),
                _ => xml.Append(c),
            };
        }

        return xml.ToString();
    }

    /// <summary>Untrusted text as inline code: <c>&lt;c&gt;text&lt;/c&gt;</c>.</summary>
    public static string Code(string untrusted) => "<c>" + Text(untrusted) + "</c>";

    /// <summary>A shape as <c>[1, 3, 416, 416]</c>.</summary>
    public static string Shape(IEnumerable<long> dims) =>
        "[" + string.Join(", ", dims.Select(d => d.ToString(CultureInfo.InvariantCulture))) + "]";

    /// <summary>A number in invariant culture.</summary>
    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Adds a <c>&lt;param&gt;</c> line; a verbatim <c>@</c> is dropped from the name, as C# expects.</summary>
    public DocComment Param(string parameter, string xml) =>
        Element("param name=\"" + parameter.TrimStart('@') + "\"", xml, "param");

    /// <summary>Adds a <c>&lt;returns&gt;</c> line.</summary>
    public DocComment Returns(string xml) => Element("returns", xml);

    /// <summary>Adds a <c>&lt;remarks&gt;</c> line.</summary>
    public DocComment Remarks(string xml) => Element("remarks", xml);

    /// <summary>The comment as leading trivia (each line <c>/// ...</c>).</summary>
    public SyntaxTriviaList ToTrivia() =>
        SyntaxFactory.ParseLeadingTrivia(string.Concat(_lines.Select(l => "/// " + l + "\n")));

    /// <summary>Puts this comment before <paramref name="node"/>.</summary>
    public T Attach<T>(T node)
        where T : SyntaxNode => node.WithLeadingTrivia(ToTrivia());

    private DocComment Element(string open, string xml, string? close = null)
    {
        _lines.Add("<" + open + ">" + xml + "</" + (close ?? open) + ">");
        return this;
    }
}
