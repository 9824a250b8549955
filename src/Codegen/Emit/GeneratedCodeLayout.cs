using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace PartitionCompiler.Codegen.Emit;

/// <summary>
/// The finishing touches <see cref="SyntaxNode.NormalizeWhitespace{TNode}(TNode, string, string, bool)"/> leaves out:
/// a blank line between members and after the file header, a line end at the end of the file, <c>name="x"</c> without spaces in doc comments, and
/// collection expressions and argument lists marked with <see cref="CodeSyntax.Wrap"/> laid out one item per line.
/// Works on trivia only, so the code's meaning cannot change.
/// </summary>
internal static class GeneratedCodeLayout
{
    private const string Eol = "\n";
    private const string IndentUnit = "    ";

    /// <summary>Normalises <paramref name="unit"/> and applies the layout rules.</summary>
    public static CompilationUnitSyntax Apply(CompilationUnitSyntax unit)
    {
        var spaced = (CompilationUnitSyntax)new Spacing().Visit(unit.NormalizeWhitespace(IndentUnit, Eol));
        var wrapped = (CompilationUnitSyntax)new Wrapper(spaced.GetText()).Visit(spaced)!;

        // The file ends with a line end.
        SyntaxToken last = wrapped.GetLastToken();
        return wrapped.ReplaceToken(last, last.WithTrailingTrivia(EndOfLine(Eol)));
    }

    private static SyntaxNode WrapOne(SyntaxNode node, string indent) => node switch
    {
        CollectionExpressionSyntax c => c
            .WithOpenBracketToken(c.OpenBracketToken.WithTrailingTrivia(EndOfLine(Eol)))
            .WithElements(WrapItems(c.Elements, indent, trailingComma: true))
            .WithCloseBracketToken(c.CloseBracketToken.WithLeadingTrivia(Whitespace(indent)))
            .WithoutAnnotations(CodeSyntax.Wrap),
        ArgumentListSyntax a => a
            .WithOpenParenToken(a.OpenParenToken.WithTrailingTrivia(EndOfLine(Eol)))
            .WithArguments(WrapItems(a.Arguments, indent, trailingComma: false))
            .WithoutAnnotations(CodeSyntax.Wrap),
        _ => node.WithoutAnnotations(CodeSyntax.Wrap),
    };

    private static SeparatedSyntaxList<T> WrapItems<T>(SeparatedSyntaxList<T> items, string indent, bool trailingComma)
        where T : SyntaxNode
    {
        SyntaxTrivia itemIndent = Whitespace(indent + IndentUnit);
        var nodes = items.Select(i => i.WithLeadingTrivia(itemIndent).WithTrailingTrivia()).ToList();
        int separators = trailingComma ? nodes.Count : nodes.Count - 1;
        var commas = Enumerable.Range(0, separators).Select(_ => Token(SyntaxKind.CommaToken).WithTrailingTrivia(EndOfLine(Eol)));
        return SeparatedList(nodes, commas);
    }

    private static string LineIndent(SourceText text, int position)
    {
        TextLine line = text.Lines.GetLineFromPosition(position);
        string content = text.ToString(line.Span);
        return content[..(content.Length - content.TrimStart(' ').Length)];
    }

    /// <summary>
    /// Wraps marked lists in one pass, outermost first. An outermost list takes the indent of the line it starts on;
    /// a list inside an item of a wrapped list takes that item's indent: the item starts its own line, and a wrapped
    /// list closes at the indent of the line it opened on, so text after it inside the item stays at that indent.
    /// </summary>
    private sealed class Wrapper(SourceText text) : CSharpSyntaxRewriter
    {
        private string? _itemIndent;

        public override SyntaxNode? Visit(SyntaxNode? node)
        {
            if (node is null || !node.HasAnnotation(CodeSyntax.Wrap))
            {
                return base.Visit(node);
            }

            string indent = _itemIndent ?? LineIndent(text, node.SpanStart);
            string? outer = _itemIndent;
            _itemIndent = indent + IndentUnit;
            SyntaxNode visited = base.Visit(node)!;
            _itemIndent = outer;
            return WrapOne(visited, indent);
        }
    }

    /// <summary>Blank lines between members and after the header; tight doc-comment attributes.</summary>
    private sealed class Spacing : CSharpSyntaxRewriter
    {
        public Spacing()
            : base(visitIntoStructuredTrivia: true)
        {
        }

        public override SyntaxNode? VisitFileScopedNamespaceDeclaration(FileScopedNamespaceDeclarationSyntax node)
        {
            var visited = (FileScopedNamespaceDeclarationSyntax)base.VisitFileScopedNamespaceDeclaration(node)!;
            return visited
                .WithNamespaceKeyword(visited.NamespaceKeyword.WithLeadingTrivia(visited.NamespaceKeyword.LeadingTrivia.Add(EndOfLine(Eol))))
                .WithMembers(Separated(visited.Members, first: true));
        }

        public override SyntaxNode? VisitClassDeclaration(ClassDeclarationSyntax node)
        {
            var visited = (ClassDeclarationSyntax)base.VisitClassDeclaration(node)!;
            return visited.WithMembers(Separated(visited.Members, first: false));
        }

        public override SyntaxNode? VisitRecordDeclaration(RecordDeclarationSyntax node)
        {
            var visited = (RecordDeclarationSyntax)base.VisitRecordDeclaration(node)!;
            return visited.WithMembers(Separated(visited.Members, first: false));
        }

        public override SyntaxNode? VisitXmlTextAttribute(XmlTextAttributeSyntax node) => node
            .WithName(node.Name.WithTrailingTrivia())
            .WithEqualsToken(node.EqualsToken.WithoutTrivia());

        public override SyntaxNode? VisitXmlNameAttribute(XmlNameAttributeSyntax node) => node
            .WithName(node.Name.WithTrailingTrivia())
            .WithEqualsToken(node.EqualsToken.WithoutTrivia());

        public override SyntaxNode? VisitXmlCrefAttribute(XmlCrefAttributeSyntax node) => node
            .WithName(node.Name.WithTrailingTrivia())
            .WithEqualsToken(node.EqualsToken.WithoutTrivia());

        // Exactly one blank line before every member but the first of a type: the normaliser already leaves one after
        // some members (in their trailing trivia) and none after others.
        private static SyntaxList<MemberDeclarationSyntax> Separated(SyntaxList<MemberDeclarationSyntax> members, bool first)
        {
            var result = new List<MemberDeclarationSyntax>(members.Count);
            for (int i = 0; i < members.Count; i++)
            {
                MemberDeclarationSyntax member = members[i];
                if (i + 1 < members.Count)
                {
                    member = member.WithTrailingTrivia(SingleLineEnd(member.GetTrailingTrivia()));
                }

                SyntaxTriviaList leading = member.GetLeadingTrivia();
                while (leading.Count > 0 && leading[0].IsKind(SyntaxKind.EndOfLineTrivia))
                {
                    leading = leading.RemoveAt(0);
                }

                result.Add(i == 0 && !first ? member.WithLeadingTrivia(leading) : member.WithLeadingTrivia(leading.Insert(0, EndOfLine(Eol))));
            }

            return List(result);
        }

        private static SyntaxTriviaList SingleLineEnd(SyntaxTriviaList trailing)
        {
            while (trailing.Count > 1 && trailing[^1].IsKind(SyntaxKind.EndOfLineTrivia) && trailing[^2].IsKind(SyntaxKind.EndOfLineTrivia))
            {
                trailing = trailing.RemoveAt(trailing.Count - 1);
            }

            return trailing;
        }
    }
}
