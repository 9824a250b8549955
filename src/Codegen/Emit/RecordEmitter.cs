using System.Globalization;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PartitionCompiler.Codegen.Spec;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;
using static PartitionCompiler.Codegen.Emit.CodeSyntax;
using static PartitionCompiler.Codegen.Emit.DocComment;
using static PartitionCompiler.Codegen.Emit.MemberSyntax;

namespace PartitionCompiler.Codegen.Emit;

/// <summary>
/// A stage's <c>Inputs</c> and <c>Outputs</c> records: one required <c>DenseTensor&lt;T&gt;</c> property per tensor,
/// documented with its ONNX name, element type, shape and where it comes from or goes, plus the conversions to and
/// from the runtime's named tensors.
/// </summary>
internal static class RecordEmitter
{
    /// <summary>The <c>Inputs</c> record of a stage.</summary>
    public static RecordDeclarationSyntax Inputs(CodegenSpec spec, StageClassSpec stage) => Record(
        spec,
        "Inputs",
        stage.Inputs,
        Type(KnownTypes.StageInputDescriptor),
        DescriptorSyntax.Inputs(stage.Inputs),
        t => "ONNX input " + Code(t.Name) + ": " + Code(t.Element.NumpyName) + " " + Shape(t.Shape) + ", "
            + (t.FromStage is int from ? "from stage " + from.ToString(CultureInfo.InvariantCulture) : "a graph input") + ".",
        "The inputs of stage " + stage.Index.ToString(CultureInfo.InvariantCulture) + ", one property per model input.");

    /// <summary>The <c>Outputs</c> record of a stage.</summary>
    public static RecordDeclarationSyntax Outputs(CodegenSpec spec, StageClassSpec stage) => Record(
        spec,
        "Outputs",
        stage.Outputs,
        Type(KnownTypes.StageOutputDescriptor),
        DescriptorSyntax.Outputs(stage.Outputs),
        t => "ONNX output " + Code(t.Name) + ": " + Code(t.Element.NumpyName) + " " + Shape(t.Shape) + ", " + Destination(t) + ".",
        "The outputs of stage " + stage.Index.ToString(CultureInfo.InvariantCulture) + ", one property per model output.");

    /// <summary>The plan's <c>GraphInputs</c> record.</summary>
    public static RecordDeclarationSyntax GraphInputs(CodegenSpec spec) => Record(
        spec,
        ReservedNames.GraphInputsRecord,
        spec.GraphInputs,
        Type(KnownTypes.TensorDescriptor),
        DescriptorSyntax.Tensors(spec.GraphInputs),
        t => "Graph input " + Code(t.Name) + ": " + Code(t.Element.NumpyName) + " " + Shape(t.Shape) + ".",
        "The graph inputs, one property per input: what the source device starts a run with.");

    /// <summary>The plan's <c>GraphOutputs</c> record.</summary>
    public static RecordDeclarationSyntax GraphOutputs(CodegenSpec spec) => Record(
        spec,
        ReservedNames.GraphOutputsRecord,
        spec.GraphOutputs,
        Type(KnownTypes.TensorDescriptor),
        DescriptorSyntax.Tensors(spec.GraphOutputs),
        t => "Graph output " + Code(t.Name) + ": " + Code(t.Element.NumpyName) + " " + Shape(t.Shape) + ", from stage "
            + t.FromStage.GetValueOrDefault().ToString(CultureInfo.InvariantCulture) + ".",
        "The graph outputs, one property per output: what the plan delivers where it ends.");

    /// <summary>A stage's <c>Arrival</c> record: its typed inputs, the tensors that came with them and the sequence number.</summary>
    public static RecordDeclarationSyntax Arrival(StageClassSpec stage)
    {
        string index = stage.Index.ToString(CultureInfo.InvariantCulture);

        // /// <summary>...</summary>
        // public required Inputs Inputs { get; init; }
        PropertyDeclarationSyntax inputs = Summary("The stage's inputs.").Attach(
            PropertyDeclaration(Name("Inputs"), Id("Inputs"))
                .WithModifiers(Modifiers(SyntaxKind.PublicKeyword, SyntaxKind.RequiredKeyword))
                .WithAccessorList(Accessors(SyntaxKind.GetAccessorDeclaration, SyntaxKind.InitAccessorDeclaration)));

        // /// <summary>...</summary>
        // public required global::System.Collections.Generic.IReadOnlyList<global::PartitionCompiler.Runtime.Tensors.NamedTensor> Tensors { get; init; }
        PropertyDeclarationSyntax tensors = Summary("Every tensor that arrived with the inputs, those relayed to later stages or to the sink included.")
            .Attach(
                PropertyDeclaration(Generic(KnownTypes.ReadOnlyList, Type(KnownTypes.NamedTensor)), Id("Tensors"))
                    .WithModifiers(Modifiers(SyntaxKind.PublicKeyword, SyntaxKind.RequiredKeyword))
                    .WithAccessorList(Accessors(SyntaxKind.GetAccessorDeclaration, SyntaxKind.InitAccessorDeclaration)));

        // /// <summary>...</summary>
        // public long Sequence { get; init; }
        PropertyDeclarationSyntax sequence = Summary("The run's sequence number, carried on with the next transfer.").Attach(
            PropertyDeclaration(Keyword(SyntaxKind.LongKeyword), Id("Sequence"))
                .WithModifiers(Modifiers(SyntaxKind.PublicKeyword))
                .WithAccessorList(Accessors(SyntaxKind.GetAccessorDeclaration, SyntaxKind.InitAccessorDeclaration)));

        // /// <summary>What reached stage 1's device for one run: ...</summary>
        // public sealed record Arrival
        // {
        //     Inputs, Tensors, Sequence
        // }
        return Summary("What reached stage " + index + "'s device for one run: the stage's typed inputs, every tensor that came with "
                + "them (those the stage only passes on included) and the run's sequence number.")
            .Attach(
                RecordDeclaration(SyntaxKind.RecordDeclaration, Token(SyntaxKind.RecordKeyword), Id("Arrival"))
                    .WithModifiers(Modifiers(SyntaxKind.PublicKeyword, SyntaxKind.SealedKeyword))
                    .WithOpenBraceToken(Token(SyntaxKind.OpenBraceToken))
                    .WithMembers(List<MemberDeclarationSyntax>([inputs, tensors, sequence]))
                    .WithCloseBraceToken(Token(SyntaxKind.CloseBraceToken)));
    }

    /// <summary>The property type of a tensor: <c>global::Microsoft.ML.OnnxRuntime.Tensors.DenseTensor&lt;float&gt;</c>.</summary>
    public static TypeSyntax TensorType(TensorSpec tensor) => Generic(KnownTypes.DenseTensor, Type(tensor.Element.ClrType));

    /// <summary><c>named.ToDenseTensor&lt;float&gt;()</c>: a named tensor copied into the property's type.</summary>
    public static ExpressionSyntax ToDense(ExpressionSyntax named, TensorSpec tensor) => Call(MemberAccessExpression(
        SyntaxKind.SimpleMemberAccessExpression,
        named,
        GenericName(Id("ToDenseTensor"), TypeArgumentList(SingletonSeparatedList(Type(tensor.Element.ClrType))))));

    private static RecordDeclarationSyntax Record(
        CodegenSpec spec,
        string name,
        IReadOnlyList<TensorSpec> tensors,
        TypeSyntax descriptorType,
        ExpressionSyntax descriptors,
        Func<TensorSpec, string> describe,
        string summary)
    {
        TypeSyntax namedTensors = Generic(KnownTypes.ReadOnlyList, Type(KnownTypes.NamedTensor));
        List<MemberDeclarationSyntax> members = [.. tensors.Select(t => Property(t, describe(t)))];
        members.Add(StaticProperty(
            Generic(KnownTypes.ReadOnlyList, descriptorType),
            "Descriptors",
            descriptors,
            Summary("The tensors as the runtime describes them, in model order.")));

        // /// <summary>Copies the tensors into named tensors, in model order.</summary>
        // public global::System.Collections.Generic.IReadOnlyList<global::PartitionCompiler.Runtime.Tensors.NamedTensor> ToNamedTensors() =>
        // [
        //     global::PartitionCompiler.Runtime.Tensors.NamedTensor.FromDenseTensor("images", Images),
        // ];
        members.Add(Summary("Copies the tensors into the runtime's named tensors, in model order.")
            .Returns("One named tensor per property.")
            .Attach(MethodDeclaration(namedTensors, Id("ToNamedTensors"))
                .WithModifiers(Modifiers(SyntaxKind.PublicKeyword))
                .WithExpressionBody(ArrowExpressionClause(Collection(
                    tensors.Select(t => Call(Member(Type(KnownTypes.NamedTensor), "FromDenseTensor"), String(t.Name), Name(t.Property))),
                    wrap: true)))
                .WithSemicolonToken(Token(SyntaxKind.SemicolonToken))));

        // /// <summary>Picks the tensors out of named tensors by name; others are ignored.</summary>
        // public static Inputs FromNamedTensors(global::System.Collections.Generic.IReadOnlyList<global::PartitionCompiler.Runtime.Tensors.NamedTensor> tensors) => new()
        // {
        //     Images = global::Ns.DetectorPlan.FindTensor(tensors, "images").ToDenseTensor<float>(),
        // };
        ExpressionSyntax find = Qualified(spec.Namespace, spec.ClassName, "FindTensor");
        members.Add(StaticMethod(
            Name(name),
            "FromNamedTensors",
            [Parameter(namedTensors, "tensors")],
            Initialized(tensors.Select(t => (t.Property, ToDense(Call(find, Name("tensors"), String(t.Name)), t)))),
            Summary("Picks the tensors out of named tensors by name; other tensors are ignored.")
                .Param("tensors", "Named tensors, for example a stage session's results.")
                .Returns("The record.")));

        // /// <summary>The inputs of stage 0, one property per model input.</summary>
        // public sealed record Inputs
        // {
        //     members
        // }
        return Summary(summary).Attach(
            RecordDeclaration(SyntaxKind.RecordDeclaration, Token(SyntaxKind.RecordKeyword), Id(name))
                .WithModifiers(Modifiers(SyntaxKind.PublicKeyword, SyntaxKind.SealedKeyword))
                .WithOpenBraceToken(Token(SyntaxKind.OpenBraceToken))
                .WithMembers(List(members))
                .WithCloseBraceToken(Token(SyntaxKind.CloseBraceToken)));
    }

    /// <summary><c>new() { A = a, B = b, }</c>: a record built with an object initializer.</summary>
    public static ExpressionSyntax Initialized(IEnumerable<(string Property, ExpressionSyntax Value)> assignments)
    {
        // new()
        // {
        //     A = a,
        //     B = b,
        // }
        List<ExpressionSyntax> items =
            [.. assignments.Select(a => AssignmentExpression(SyntaxKind.SimpleAssignmentExpression, Name(a.Property), a.Value))];
        return ImplicitObjectCreationExpression().WithInitializer(InitializerExpression(
            SyntaxKind.ObjectInitializerExpression,
            SeparatedList(items, items.Select(_ => Token(SyntaxKind.CommaToken)))));
    }

    private static PropertyDeclarationSyntax Property(TensorSpec tensor, string doc) =>
        // /// <summary>ONNX input <c>images</c>: <c>float32</c> [1, 3, 416, 416], a graph input.</summary>
        // public required global::Microsoft.ML.OnnxRuntime.Tensors.DenseTensor<float> Images { get; init; }
        Summary(doc).Attach(
            PropertyDeclaration(TensorType(tensor), Id(tensor.Property))
                .WithModifiers(Modifiers(SyntaxKind.PublicKeyword, SyntaxKind.RequiredKeyword))
                .WithAccessorList(Accessors(SyntaxKind.GetAccessorDeclaration, SyntaxKind.InitAccessorDeclaration)));

    private static string Destination(TensorSpec output)
    {
        var places = output.ToStages.Select(s => "stage " + s.ToString(CultureInfo.InvariantCulture)).ToList();
        if (output.ToOutput)
        {
            places.Add("the graph output");
        }

        return places.Count == 0 ? "used by no later stage" : "to " + string.Join(" and ", places);
    }
}
