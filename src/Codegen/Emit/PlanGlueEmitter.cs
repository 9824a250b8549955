using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PartitionCompiler.Codegen.Spec;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;
using static PartitionCompiler.Codegen.Emit.CodeSyntax;
using static PartitionCompiler.Codegen.Emit.DocComment;
using static PartitionCompiler.Codegen.Emit.MemberSyntax;

namespace PartitionCompiler.Codegen.Emit;

/// <summary>
/// The glue of the plan's ends, in the plan class (the source and the sink need not run a stage):
/// <c>SendGraphInputsAsync</c> for the input transfer and <c>ReceiveGraphOutputsAsync</c> for the output transfer.
/// </summary>
internal static class PlanGlueEmitter
{
    /// <summary>The plan's <c>SendGraphInputsAsync</c>.</summary>
    public static MethodDeclarationSyntax SendGraphInputs(CodegenSpec spec, SendSpec send)
    {
        TransferSpec transfer = send.Transfer;
        string to = TensorSourceSyntax.Stage(transfer.ToStage, "the sink");

        // new global::PartitionCompiler.Runtime.Transport.TensorMessage(
        //     global::PartitionCompiler.Runtime.Transport.TensorMessage.NoStage,
        //     0,
        //     sequence,
        //     [
        //         global::PartitionCompiler.Runtime.Tensors.NamedTensor.FromDenseTensor("images", graphInputs.Images),
        //     ])
        ExpressionSyntax message = New(
            Type(KnownTypes.TensorMessage),
            [
                GlueEmitter.End(null),
                GlueEmitter.End(transfer.ToStage),
                Name("sequence"),
                Collection(send.Tensors.Select(t => TensorSourceSyntax.Named(spec, t)), wrap: true),
            ],
            wrap: true);

        // public static global::System.Threading.Tasks.ValueTask SendGraphInputsAsync(GraphInputs graphInputs, global::PartitionCompiler.Runtime.Transport.ITensorSender sender, long sequence = 0L, global::System.Threading.CancellationToken cancellationToken = default)
        // {
        //     global::System.ArgumentNullException.ThrowIfNull(graphInputs);
        //     global::System.ArgumentNullException.ThrowIfNull(sender);
        //     return sender.SendAsync(message, cancellationToken);
        // }
        return StaticMethod(
            Type(KnownTypes.ValueTask),
            "SendGraphInputsAsync",
            [
                Parameter(Name(ReservedNames.GraphInputsRecord), "graphInputs"),
                Parameter(Type(KnownTypes.TensorSender), "sender"),
                Parameter(Keyword(SyntaxKind.LongKeyword), "sequence", Long(0)),
                Parameter(Type(KnownTypes.CancellationToken), "cancellationToken", LiteralExpression(SyntaxKind.DefaultLiteralExpression)),
            ],
            [
                ThrowIfNull("graphInputs"),
                ThrowIfNull("sender"),
                ReturnStatement(Call(Member(Name("sender"), "SendAsync"), message, Name("cancellationToken"))),
            ],
            Summary("On the source device " + Code(transfer.Route[0]) + ": sends the message of transfer " + transfer.Label + " to " + to
                    + " (" + TensorSourceSyntax.Names(transfer.Tensors) + ").")
                .Param("graphInputs", "The graph inputs.")
                .Param("sender", "The link towards " + Code(transfer.Route[^1]) + " (route " + Code(string.Join("->", transfer.Route)) + ").")
                .Param("sequence", "The run's sequence number; every later transfer of the run carries it on.")
                .Param("cancellationToken", "Cancels the send.")
                .Returns("A task that completes when the link has accepted the message."));
    }

    /// <summary>The plan's <c>ReceiveGraphOutputsAsync</c>.</summary>
    public static MethodDeclarationSyntax ReceiveGraphOutputs(CodegenSpec spec, GraphOutputsSpec receive)
    {
        TransferSpec transfer = receive.Transfer!;
        string from = TensorSourceSyntax.Stage(transfer.FromStage, "the source");
        DocComment doc = Summary("On the sink device " + Code(transfer.Route[^1]) + ": receives the message of transfer " + transfer.Label
                + " from " + from + " (" + TensorSourceSyntax.Names(transfer.Tensors) + ") and returns the graph outputs.")
            .Param("receiver", "The link from " + Code(transfer.Route[0]) + " (route " + Code(string.Join("->", transfer.Route)) + ").");
        var parameters = new List<ParameterSyntax> { Parameter(Type(KnownTypes.TensorReceiver), "receiver") };
        parameters.AddRange(TensorSourceSyntax.Parameters(spec, receive.Holders, doc));
        parameters.Add(Parameter(Type(KnownTypes.CancellationToken), "cancellationToken", LiteralExpression(SyntaxKind.DefaultLiteralExpression)));
        doc.Param("cancellationToken", "Cancels the wait.").Returns("The graph outputs.");

        // public static async global::System.Threading.Tasks.Task<GraphOutputs> ReceiveGraphOutputsAsync(global::PartitionCompiler.Runtime.Transport.ITensorReceiver receiver, [holders,] global::System.Threading.CancellationToken cancellationToken = default)
        // {
        //     global::System.ArgumentNullException.ThrowIfNull(receiver);
        //     <receive the message and check its ends>
        //     return new() { Probs = message["probs"].ToDenseTensor<float>(), };
        // }
        return StaticMethod(
            Generic(KnownTypes.Task, Name(ReservedNames.GraphOutputsRecord)),
            "ReceiveGraphOutputsAsync",
            parameters,
            [
                ThrowIfNull("receiver"),
                .. TensorSourceSyntax.Checks(receive.Holders),
                .. GlueEmitter.ReceiveMessage(spec, transfer.FromStage, GlueEmitter.End(null)),
                ReturnStatement(GlueEmitter.GraphOutputs(spec, receive)),
            ],
            doc,
            isAsync: true);
    }
}
