using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;
using static PartitionCompiler.Codegen.Emit.CodeSyntax;

namespace PartitionCompiler.Codegen.Emit;

/// <summary>Declarations the emitters use more than once.</summary>
internal static class MemberSyntax
{
    /// <summary>A documented public constant.</summary>
    public static FieldDeclarationSyntax Constant(TypeSyntax type, string name, ExpressionSyntax value, DocComment doc) =>
        // /// <summary>...</summary>
        // public const string ModelPath = "models/detector.onnx";
        doc.Attach(
            FieldDeclaration(VariableDeclaration(type, SingletonSeparatedList(
                    VariableDeclarator(Id(name)).WithInitializer(EqualsValueClause(value)))))
                .WithModifiers(Modifiers(SyntaxKind.PublicKeyword, SyntaxKind.ConstKeyword)));

    /// <summary>A private static readonly field with an initializer.</summary>
    public static FieldDeclarationSyntax ReadOnlyField(TypeSyntax type, string name, ExpressionSyntax value) =>
        // private static readonly string[] OutputNames = ["a", "b"];
        FieldDeclaration(VariableDeclaration(type, SingletonSeparatedList(
                VariableDeclarator(Id(name)).WithInitializer(EqualsValueClause(value)))))
            .WithModifiers(Modifiers(SyntaxKind.PrivateKeyword, SyntaxKind.StaticKeyword, SyntaxKind.ReadOnlyKeyword));

    /// <summary>A documented public static get-only property with an initializer.</summary>
    public static PropertyDeclarationSyntax StaticProperty(TypeSyntax type, string name, ExpressionSyntax value, DocComment doc) =>
        // /// <summary>...</summary>
        // public static Type Name { get; } = value;
        doc.Attach(
            PropertyDeclaration(type, Id(name))
                .WithModifiers(Modifiers(SyntaxKind.PublicKeyword, SyntaxKind.StaticKeyword))
                .WithAccessorList(Accessors(SyntaxKind.GetAccessorDeclaration))
                .WithInitializer(EqualsValueClause(value))
                .WithSemicolonToken(Token(SyntaxKind.SemicolonToken)));

    /// <summary>A documented public static method with a block body.</summary>
    public static MethodDeclarationSyntax StaticMethod(
        TypeSyntax returnType, string name, IEnumerable<ParameterSyntax> parameters, IEnumerable<StatementSyntax> body, DocComment doc, bool isAsync = false)
    {
        // /// <summary>...</summary>
        // public static [async] ReturnType Name(parameters)
        // {
        //     body
        // }
        SyntaxTokenList modifiers = isAsync
            ? Modifiers(SyntaxKind.PublicKeyword, SyntaxKind.StaticKeyword, SyntaxKind.AsyncKeyword)
            : Modifiers(SyntaxKind.PublicKeyword, SyntaxKind.StaticKeyword);
        return doc.Attach(
            MethodDeclaration(returnType, Id(name))
                .WithModifiers(modifiers)
                .WithParameterList(ParameterList(SeparatedList(parameters)))
                .WithBody(Block(body)));
    }

    /// <summary>A documented public static method with an expression body.</summary>
    public static MethodDeclarationSyntax StaticMethod(
        TypeSyntax returnType, string name, IEnumerable<ParameterSyntax> parameters, ExpressionSyntax body, DocComment doc) =>
        // /// <summary>...</summary>
        // public static ReturnType Name(parameters) => body;
        doc.Attach(
            MethodDeclaration(returnType, Id(name))
                .WithModifiers(Modifiers(SyntaxKind.PublicKeyword, SyntaxKind.StaticKeyword))
                .WithParameterList(ParameterList(SeparatedList(parameters)))
                .WithExpressionBody(ArrowExpressionClause(body))
                .WithSemicolonToken(Token(SyntaxKind.SemicolonToken)));

    /// <summary>A documented <c>public static partial class</c> with members.</summary>
    public static ClassDeclarationSyntax StaticPartialClass(string name, IEnumerable<MemberDeclarationSyntax> members, DocComment? doc)
    {
        // /// <summary>...</summary>
        // public static partial class Name
        // {
        //     members
        // }
        ClassDeclarationSyntax declaration = ClassDeclaration(Id(name))
            .WithModifiers(Modifiers(SyntaxKind.PublicKeyword, SyntaxKind.StaticKeyword, SyntaxKind.PartialKeyword))
            .WithMembers(List(members));
        return doc is null ? declaration : doc.Attach(declaration);
    }

    /// <summary>The predefined type <c>string</c>, <c>int</c>, <c>long</c> or <c>double</c>.</summary>
    public static TypeSyntax Keyword(SyntaxKind kind) => PredefinedType(Token(kind));
}
