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
/// The transfer glue of a stage class: a <c>SendToStage&lt;N&gt;Async</c> per transfer that leaves the stage, and a
/// <c>ReceiveAsync</c> that waits for every transfer that arrives and returns the stage's <c>Inputs</c>.
/// </summary>
internal static class GlueEmitter
{
    /// <summary>The send method of one leaving transfer.</summary>
    public static MethodDeclarationSyntax Send(StageClassSpec stage, SendSpec send)
    {
        string to = send.ToStage.ToString(CultureInfo.InvariantCulture);
        IEnumerable<ExpressionSyntax> tensors = send.Tensors.Select(name => Call(
            Member(Type(KnownTypes.NamedTensor), "FromDenseTensor"),
            String(name),
            Member(Name("outputs"), stage.Outputs.First(o => o.Name == name).Property)));

        // public static global::System.Threading.Tasks.ValueTask SendToStage1Async(Outputs outputs, global::PartitionCompiler.Runtime.Transport.ITensorSender sender, long sequence = 0L, global::System.Threading.CancellationToken cancellationToken = default)
        // {
        //     global::System.ArgumentNullException.ThrowIfNull(outputs);
        //     global::System.ArgumentNullException.ThrowIfNull(sender);
        //     return sender.SendAsync(new global::PartitionCompiler.Runtime.Transport.TensorMessage(Index, 1, sequence, [NamedTensor.FromDenseTensor("features", outputs.Features), ...]), cancellationToken);
        // }
        ExpressionSyntax message = New(
            Type(KnownTypes.TensorMessage),
            [Name("Index"), Int(send.ToStage), Name("sequence"), Collection(tensors, wrap: true)],
            wrap: true);
        return StaticMethod(
            Type(KnownTypes.ValueTask),
            send.Method,
            [
                Parameter(Name("Outputs"), "outputs"),
                Parameter(Type(KnownTypes.TensorSender), "sender"),
                Parameter(Keyword(SyntaxKind.LongKeyword), "sequence", Long(0)),
                Parameter(Type(KnownTypes.CancellationToken), "cancellationToken", LiteralExpression(SyntaxKind.DefaultLiteralExpression)),
            ],
            [
                ThrowIfNull("outputs"),
                ThrowIfNull("sender"),
                ReturnStatement(Call(Member(Name("sender"), "SendAsync"), message, Name("cancellationToken"))),
            ],
            Summary("Sends what stage " + to + " needs of this stage's outputs (" + string.Join(", ", send.Tensors.Select(Code)) + ") as one message.")
                .Param("outputs", "This stage's outputs.")
                .Param("sender", "The link to stage " + to + ".")
                .Param("sequence", "The message's sequence number, for example the run's number.")
                .Param("cancellationToken", "Cancels the send.")
                .Returns("A task that completes when the link has accepted the message."));
    }

    /// <summary>The receive method of a stage that at least one transfer arrives at.</summary>
    public static MethodDeclarationSyntax Receive(CodegenSpec spec, StageClassSpec stage, ReceiveSpec receive)
    {
        DocComment doc = Summary("Receives this stage's inputs: " + string.Join("; ", receive.Sources.Select(Describe))
            + (receive.Parameters.Count > 0 ? "; the others are passed in." : "."));
        var parameters = new List<ParameterSyntax>();
        var body = new List<StatementSyntax>();
        foreach (ReceiveSourceSpec source in receive.Sources)
        {
            parameters.Add(Parameter(Type(KnownTypes.TensorReceiver), source.Parameter));
            doc.Param(source.Parameter, "The link from stage " + source.FromStage.ToString(CultureInfo.InvariantCulture) + ".");
            body.Add(ThrowIfNull(source.Parameter));
        }

        foreach (ReceiveParameterSpec given in receive.Parameters)
        {
            TensorSpec input = stage.Inputs.First(i => i.Name == given.Tensor);
            parameters.Add(Parameter(RecordEmitter.TensorType(input), given.Parameter));
            doc.Param(given.Parameter, "The input " + Code(input.Name) + (input.FromStage is null ? ", a graph input." : ", passed in directly."));
            body.Add(ThrowIfNull(given.Parameter));
        }

        parameters.Add(Parameter(Type(KnownTypes.CancellationToken), "cancellationToken", LiteralExpression(SyntaxKind.DefaultLiteralExpression)));
        doc.Param("cancellationToken", "Cancels the wait.").Returns("The stage's inputs.");
        foreach (ReceiveSourceSpec source in receive.Sources)
        {
            body.AddRange(ReceiveMessage(spec, source));
        }

        // return new()
        // {
        //     Features = message0["features"].ToDenseTensor<float>(),
        //     Scale = scale,
        // };
        body.Add(ReturnStatement(RecordEmitter.Initialized(stage.Inputs.Select(input => (input.Property, Value(input, receive))))));

        // public static async global::System.Threading.Tasks.Task<Inputs> ReceiveAsync(global::PartitionCompiler.Runtime.Transport.ITensorReceiver fromStage0, ..., global::System.Threading.CancellationToken cancellationToken = default)
        // {
        //     body
        // }
        return StaticMethod(Generic(KnownTypes.Task, Name("Inputs")), "ReceiveAsync", parameters, body, doc, isAsync: true);
    }

    private static IEnumerable<StatementSyntax> ReceiveMessage(CodegenSpec spec, ReceiveSourceSpec source)
    {
        // global::PartitionCompiler.Runtime.Transport.TensorMessage message0 = await fromStage0.ReceiveAsync(cancellationToken).ConfigureAwait(false);
        ExpressionSyntax received = AwaitExpression(Call(
            Member(Call(Member(Name(source.Parameter), "ReceiveAsync"), Name("cancellationToken")), "ConfigureAwait"),
            LiteralExpression(SyntaxKind.FalseLiteralExpression)));
        yield return LocalDeclarationStatement(VariableDeclaration(
            Type(KnownTypes.TensorMessage),
            SingletonSeparatedList(VariableDeclarator(Id(source.Local)).WithInitializer(EqualsValueClause(received)))));

        // global::Ns.DetectorPlan.CheckMessage(message0, 0, Index);
        yield return ExpressionStatement(Call(
            Qualified(spec.Namespace, spec.ClassName, "CheckMessage"), Name(source.Local), Int(source.FromStage), Name("Index")));
    }

    private static ExpressionSyntax Value(TensorSpec input, ReceiveSpec receive)
    {
        ReceiveSourceSpec? source = receive.Sources.FirstOrDefault(s => s.Tensors.Contains(input.Name));
        if (source is null)
        {
            // scale
            return Name(receive.Parameters.First(p => p.Tensor == input.Name).Parameter);
        }

        // message0["features"].ToDenseTensor<float>()
        return RecordEmitter.ToDense(
            ElementAccessExpression(Name(source.Local), BracketedArgumentList(SingletonSeparatedList(Argument(String(input.Name))))),
            input);
    }

    private static string Describe(ReceiveSourceSpec source) =>
        string.Join(", ", source.Tensors.Select(Code)) + " from stage " + source.FromStage.ToString(CultureInfo.InvariantCulture);
}
