using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PartitionCompiler.Codegen.Naming;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace PartitionCompiler.Codegen.Emit;

/// <summary>
/// Small SyntaxFactory helpers shared by the emitters. Untrusted text enters code only through
/// <see cref="String"/> (a Roslyn-escaped literal) and through identifiers that the spec already sanitised.
/// </summary>
internal static class CodeSyntax
{
    /// <summary>Marks a collection expression or argument list that <see cref="GeneratedCodeLayout"/> puts one item per line.</summary>
    public static readonly SyntaxAnnotation Wrap = new("PartitionCompiler.Wrap");

    /// <summary>A type from a trusted, fully qualified name (<see cref="KnownTypes"/>, a C# keyword type).</summary>
    public static TypeSyntax Type(string trustedName) => ParseTypeName(trustedName);

    /// <summary>A generic type from a trusted name and type arguments: <c>name&lt;args&gt;</c>.</summary>
    public static TypeSyntax Generic(string trustedName, params TypeSyntax[] arguments)
    {
        // global::A.B.Name<T>: an alias-qualified (or qualified) name whose last part is generic.
        var parsed = (NameSyntax)ParseTypeName(trustedName);
        SimpleNameSyntax last = parsed switch
        {
            QualifiedNameSyntax q => q.Right,
            AliasQualifiedNameSyntax a => a.Name,
            _ => (SimpleNameSyntax)parsed,
        };
        GenericNameSyntax generic = GenericName(last.Identifier, TypeArgumentList(SeparatedList(arguments)));
        return parsed.ReplaceNode(last, generic);
    }

    /// <summary>A simple name from a sanitised identifier (or a fixed one).</summary>
    public static IdentifierNameSyntax Name(string identifier) => IdentifierName(Id(identifier));

    /// <summary>An identifier token; a leading <c>@</c> makes it verbatim.</summary>
    public static SyntaxToken Id(string identifier) => Identifier(identifier);

    /// <summary><c>a.b.c</c> from a head expression and member names.</summary>
    public static ExpressionSyntax Member(ExpressionSyntax head, params string[] names) =>
        // head.first.second
        names.Aggregate(head, (e, n) => MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, e, Name(n)));

    /// <summary><c>global::Ns.Plan</c> as an expression, from a validated namespace and class name.</summary>
    public static ExpressionSyntax Qualified(string namespaceName, params string[] names)
    {
        // global::MyApp.Partitions.DetectorPlan.StageFolder
        string[] parts = namespaceName.Split('.');
        ExpressionSyntax head = AliasQualifiedName(IdentifierName(Token(SyntaxKind.GlobalKeyword)), Name(parts[0]));
        return Member(head, [.. parts.Skip(1), .. names]);
    }

    /// <summary><c>global::Ns.Plan.Record</c> as a type, from a validated namespace and sanitised or fixed names.</summary>
    public static TypeSyntax QualifiedType(string namespaceName, params string[] names)
    {
        // global::MyApp.Partitions.DetectorPlan.Glasses.Stage0.Outputs
        string[] parts = namespaceName.Split('.');
        NameSyntax head = AliasQualifiedName(IdentifierName(Token(SyntaxKind.GlobalKeyword)), Name(parts[0]));
        return parts.Skip(1).Concat(names).Aggregate(head, (left, right) => QualifiedName(left, Name(right)));
    }

    /// <summary>A string literal holding <paramref name="value"/> exactly.</summary>
    /// <remarks>
    /// Roslyn escapes quotes, backslashes, control characters and line breaks; characters that would print invisibly
    /// or reorder the line around them (bidirectional and other format characters) are escaped here as well, so what a
    /// reader sees of the generated file is what it does.
    /// </remarks>
    public static LiteralExpressionSyntax String(string value)
    {
        SyntaxToken token = Literal(value);
        if (!token.Text.Any(DisplayText.MustEscape))
        {
            return LiteralExpression(SyntaxKind.StringLiteralExpression, token);
        }

        var text = new StringBuilder(token.Text.Length + 16);
        foreach (char c in token.Text)
        {
            _ = DisplayText.MustEscape(c)
                ? text.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture))
                : text.Append(c);
        }

        return LiteralExpression(SyntaxKind.StringLiteralExpression, Literal(text.ToString(), value));
    }

    /// <summary>An <see cref="int"/> literal (negative values as a unary minus).</summary>
    public static ExpressionSyntax Int(int value) => value < 0
        ? PrefixUnaryExpression(SyntaxKind.UnaryMinusExpression, Int(-value))
        : LiteralExpression(SyntaxKind.NumericLiteralExpression, Literal(value));

    /// <summary>A <see cref="long"/> literal with its <c>L</c> suffix (negative values as a unary minus).</summary>
    public static ExpressionSyntax Long(long value) => value < 0
        ? PrefixUnaryExpression(SyntaxKind.UnaryMinusExpression, Long(-value))
        : LiteralExpression(SyntaxKind.NumericLiteralExpression, Literal(value));

    /// <summary>
    /// A <see cref="double"/> literal in shortest round-trip form that reads back as a double (<c>2500000.0</c>,
    /// <c>1E-05</c>); infinities and NaN as <c>double.PositiveInfinity</c> and friends.
    /// </summary>
    public static ExpressionSyntax Double(double value)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            string member = double.IsNaN(value) ? "NaN" : value > 0 ? "PositiveInfinity" : "NegativeInfinity";
            return Member(PredefinedType(Token(SyntaxKind.DoubleKeyword)), member);
        }

        if (value < 0 || (value == 0 && double.IsNegative(value)))
        {
            return PrefixUnaryExpression(SyntaxKind.UnaryMinusExpression, Double(-value));
        }

        string text = value.ToString("R", CultureInfo.InvariantCulture);
        if (text.IndexOfAny(['.', 'E']) < 0)
        {
            text += ".0";
        }

        return LiteralExpression(SyntaxKind.NumericLiteralExpression, Literal(text, value));
    }

    /// <summary><c>null</c>.</summary>
    public static ExpressionSyntax Null() => LiteralExpression(SyntaxKind.NullLiteralExpression);

    /// <summary><c>[a, b, c]</c>; with <paramref name="wrap"/>, laid out one item per line.</summary>
    public static CollectionExpressionSyntax Collection(IEnumerable<ExpressionSyntax> items, bool wrap = false)
    {
        CollectionExpressionSyntax collection = CollectionExpression(
            SeparatedList<CollectionElementSyntax>(items.Select(ExpressionElement)));
        return wrap && collection.Elements.Count > 0 ? collection.WithAdditionalAnnotations(Wrap) : collection;
    }

    /// <summary><c>new Type(args)</c>; with <paramref name="wrap"/>, one argument per line.</summary>
    public static ObjectCreationExpressionSyntax New(TypeSyntax type, IEnumerable<ExpressionSyntax> arguments, bool wrap = false)
    {
        ArgumentListSyntax list = ArgumentList(SeparatedList(arguments.Select(Argument)));
        return ObjectCreationExpression(type).WithArgumentList(wrap && list.Arguments.Count > 0 ? list.WithAdditionalAnnotations(Wrap) : list);
    }

    /// <summary><c>target(args)</c>.</summary>
    public static InvocationExpressionSyntax Call(ExpressionSyntax target, params ExpressionSyntax[] arguments) =>
        InvocationExpression(target, ArgumentList(SeparatedList(arguments.Select(Argument))));

    /// <summary><c>global::System.ArgumentNullException.ThrowIfNull(name);</c></summary>
    public static StatementSyntax ThrowIfNull(string parameter) =>
        ExpressionStatement(Call(Member(Type(KnownTypes.ArgumentNullException), "ThrowIfNull"), Name(parameter)));

    /// <summary>Modifier tokens, e.g. <c>public static</c>.</summary>
    public static SyntaxTokenList Modifiers(params SyntaxKind[] kinds) => TokenList(kinds.Select(Token));

    /// <summary>A parameter <c>type name</c>, optionally <c>= default</c> or another default value.</summary>
    public static ParameterSyntax Parameter(TypeSyntax type, string name, ExpressionSyntax? defaultValue = null)
    {
        ParameterSyntax parameter = SyntaxFactory.Parameter(Id(name)).WithType(type);
        return defaultValue is null ? parameter : parameter.WithDefault(EqualsValueClause(defaultValue));
    }

    /// <summary><c>{ get; }</c>, <c>{ get; set; }</c> or <c>{ get; init; }</c>.</summary>
    public static AccessorListSyntax Accessors(params SyntaxKind[] accessorKinds) => AccessorList(List(accessorKinds.Select(k =>
        AccessorDeclaration(k).WithSemicolonToken(Token(SyntaxKind.SemicolonToken)))));
}
