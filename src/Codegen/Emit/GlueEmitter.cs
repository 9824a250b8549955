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
/// The transfer glue of a stage class, in the plan's cut model: <c>ReceiveAsync</c> (or <c>Arrive</c> where no transfer
/// arrives) returns the stage's <c>Arrival</c>, its typed inputs plus every tensor that came with them;
/// <c>SendAsync(outputs, arrival, sender)</c> builds the next cut's message from the stage's outputs and what it relays;
/// <c>CollectGraphOutputs</c> gives the typed graph outputs where the plan ends.
/// </summary>
internal static class GlueEmitter
{
    /// <summary>The stage's <c>ReceiveAsync</c> or <c>Arrive</c>.</summary>
    public static MethodDeclarationSyntax Arrival(CodegenSpec spec, StageClassSpec stage) =>
        stage.Arrival.Transfer is TransferSpec transfer ? Receive(spec, stage, transfer) : Arrive(spec, stage);

    /// <summary>The stage's <c>SendAsync</c>.</summary>
    public static MethodDeclarationSyntax Send(CodegenSpec spec, StageClassSpec stage, SendSpec send)
    {
        TransferSpec transfer = send.Transfer;
        string to = TensorSourceSyntax.Stage(transfer.ToStage, "the sink");
        DocComment doc = Summary("Sends the message of transfer " + transfer.Label + " to " + to + ": " + Carried(stage, send) + ".")
            .Param("outputs", "This stage's outputs.")
            .Param("arrival", "This stage's arrival, from <see cref=\"" + stage.Arrival.Method + "\"/>; its sequence number goes on with the message.");
        var parameters = new List<ParameterSyntax>
        {
            Parameter(Name("Outputs"), "outputs"),
            Parameter(Name("Arrival"), "arrival"),
        };
        parameters.AddRange(TensorSourceSyntax.Parameters(spec, send.Holders, doc));
        parameters.Add(Parameter(Type(KnownTypes.TensorSender), "sender"));
        parameters.Add(Parameter(Type(KnownTypes.CancellationToken), "cancellationToken", LiteralExpression(SyntaxKind.DefaultLiteralExpression)));
        doc.Param("sender", "The link towards " + Code(transfer.Route[^1]) + " (route " + Code(string.Join("->", transfer.Route)) + ").")
            .Param("cancellationToken", "Cancels the send.")
            .Returns("A task that completes when the link has accepted the message.");

        // new global::PartitionCompiler.Runtime.Transport.TensorMessage(
        //     Index,
        //     2,
        //     arrival.Sequence,
        //     [
        //         global::PartitionCompiler.Runtime.Tensors.NamedTensor.FromDenseTensor("embedding", outputs.Embedding),
        //         global::Ns.DetectorPlan.FindTensor(arrival.Tensors, "onnx::Gather_42"),
        //     ])
        ExpressionSyntax message = New(
            Type(KnownTypes.TensorMessage),
            [
                Name("Index"),
                End(transfer.ToStage),
                Member(Name("arrival"), "Sequence"),
                Collection(send.Tensors.Select(t => TensorSourceSyntax.Named(spec, t)), wrap: true),
            ],
            wrap: true);

        // public static global::System.Threading.Tasks.ValueTask SendAsync(Outputs outputs, Arrival arrival, [holders,] global::PartitionCompiler.Runtime.Transport.ITensorSender sender, global::System.Threading.CancellationToken cancellationToken = default)
        // {
        //     global::System.ArgumentNullException.ThrowIfNull(outputs);
        //     global::System.ArgumentNullException.ThrowIfNull(arrival);
        //     global::System.ArgumentNullException.ThrowIfNull(sender);
        //     return sender.SendAsync(message, cancellationToken);
        // }
        return StaticMethod(
            Type(KnownTypes.ValueTask),
            "SendAsync",
            parameters,
            [
                ThrowIfNull("outputs"),
                ThrowIfNull("arrival"),
                .. TensorSourceSyntax.Checks(send.Holders),
                ThrowIfNull("sender"),
                ReturnStatement(Call(Member(Name("sender"), "SendAsync"), message, Name("cancellationToken"))),
            ],
            doc);
    }

    /// <summary>The last stage's <c>CollectGraphOutputs</c>.</summary>
    public static MethodDeclarationSyntax Collect(CodegenSpec spec, GraphOutputsSpec collect)
    {
        DocComment doc = Summary("Gives the graph outputs where the plan ends, on this stage's device: this stage's own and those "
                + "that earlier stages' transfers brought along.")
            .Param("outputs", "This stage's outputs.")
            .Param("arrival", "This stage's arrival.");
        var parameters = new List<ParameterSyntax> { Parameter(Name("Outputs"), "outputs"), Parameter(Name("Arrival"), "arrival") };
        parameters.AddRange(TensorSourceSyntax.Parameters(spec, collect.Holders, doc));
        doc.Returns("The graph outputs.");

        // public static global::Ns.DetectorPlan.GraphOutputs CollectGraphOutputs(Outputs outputs, Arrival arrival, [holders])
        // {
        //     global::System.ArgumentNullException.ThrowIfNull(outputs);
        //     global::System.ArgumentNullException.ThrowIfNull(arrival);
        //     return new()
        //     {
        //         Probs = outputs.Probs,
        //         AuxScore = global::Ns.DetectorPlan.FindTensor(arrival.Tensors, "aux_score").ToDenseTensor<float>(),
        //     };
        // }
        return StaticMethod(
            TensorSourceSyntax.GraphRecord(spec, ReservedNames.GraphOutputsRecord),
            "CollectGraphOutputs",
            parameters,
            [
                ThrowIfNull("outputs"),
                ThrowIfNull("arrival"),
                .. TensorSourceSyntax.Checks(collect.Holders),
                ReturnStatement(GraphOutputs(spec, collect)),
            ],
            doc);
    }

    /// <summary><c>new() { Y = ..., }</c>: the graph outputs record from its sources.</summary>
    public static ExpressionSyntax GraphOutputs(CodegenSpec spec, GraphOutputsSpec outputs) =>
        RecordEmitter.Initialized(spec.GraphOutputs.Zip(outputs.Outputs, (target, source) => (target.Property, TensorSourceSyntax.Dense(spec, source, target))));

    /// <summary>Receives one message into the local <c>message</c> and checks its ends.</summary>
    public static IEnumerable<StatementSyntax> ReceiveMessage(CodegenSpec spec, int? fromStage, ExpressionSyntax toStage)
    {
        // global::PartitionCompiler.Runtime.Transport.TensorMessage message = await receiver.ReceiveAsync(cancellationToken).ConfigureAwait(false);
        ExpressionSyntax received = AwaitExpression(Call(
            Member(Call(Member(Name("receiver"), "ReceiveAsync"), Name("cancellationToken")), "ConfigureAwait"),
            LiteralExpression(SyntaxKind.FalseLiteralExpression)));
        yield return LocalDeclarationStatement(VariableDeclaration(
            Type(KnownTypes.TensorMessage),
            SingletonSeparatedList(VariableDeclarator(Id("message")).WithInitializer(EqualsValueClause(received)))));

        // global::Ns.DetectorPlan.CheckMessage(message, 0, Index);
        yield return ExpressionStatement(Call(Qualified(spec.Namespace, spec.ClassName, "CheckMessage"), Name("message"), End(fromStage), toStage));
    }

    /// <summary>A message end: the stage index, or <c>TensorMessage.NoStage</c> for the graph input or output.</summary>
    public static ExpressionSyntax End(int? stage) =>
        // 2 | global::PartitionCompiler.Runtime.Transport.TensorMessage.NoStage
        stage is int index ? Int(index) : Member(Type(KnownTypes.TensorMessage), "NoStage");

    private static MethodDeclarationSyntax Receive(CodegenSpec spec, StageClassSpec stage, TransferSpec transfer)
    {
        ArrivalSpec arrival = stage.Arrival;
        string from = TensorSourceSyntax.Stage(transfer.FromStage, "the source");
        DocComment doc = Summary("Receives the message of transfer " + transfer.Label + " from " + from + " ("
                + TensorSourceSyntax.Names(transfer.Tensors) + ") and takes this stage's inputs from it.")
            .Remarks(Keeps(stage, "every tensor of the message"))
            .Param("receiver", "The link from " + Code(transfer.Route[0]) + " (route " + Code(string.Join("->", transfer.Route)) + ").");
        var parameters = new List<ParameterSyntax> { Parameter(Type(KnownTypes.TensorReceiver), "receiver") };
        parameters.AddRange(TensorSourceSyntax.Parameters(spec, arrival.Holders, doc));
        parameters.Add(Parameter(Type(KnownTypes.CancellationToken), "cancellationToken", LiteralExpression(SyntaxKind.DefaultLiteralExpression)));
        doc.Param("cancellationToken", "Cancels the wait.").Returns("The arrival: the stage's inputs, the message's tensors and its sequence number.");

        // public static async global::System.Threading.Tasks.Task<Arrival> ReceiveAsync(global::PartitionCompiler.Runtime.Transport.ITensorReceiver receiver, [holders,] global::System.Threading.CancellationToken cancellationToken = default)
        // {
        //     global::System.ArgumentNullException.ThrowIfNull(receiver);
        //     <receive the message and check its ends>
        //     return new() { Inputs = new() { ... }, Tensors = message.Tensors, Sequence = message.Sequence, };
        // }
        return StaticMethod(
            Generic(KnownTypes.Task, Name("Arrival")),
            "ReceiveAsync",
            parameters,
            [
                ThrowIfNull("receiver"),
                .. TensorSourceSyntax.Checks(arrival.Holders),
                .. ReceiveMessage(spec, transfer.FromStage, Name("Index")),
                ReturnStatement(NewArrival(spec, stage, Member(Name("message"), "Tensors"), Member(Name("message"), "Sequence"))),
            ],
            doc,
            isAsync: true);
    }

    private static MethodDeclarationSyntax Arrive(CodegenSpec spec, StageClassSpec stage)
    {
        ArrivalSpec arrival = stage.Arrival;
        string index = stage.Index.ToString(CultureInfo.InvariantCulture);
        DocComment doc = Summary(arrival.TensorsFromGraphInputs
            ? "Starts a run on this device, the source: no transfer arrives at stage " + index + "; it takes its inputs from the graph inputs."
            : "Starts stage " + index + " from what this device kept: no transfer arrives at it.");
        if (arrival.TensorsFromGraphInputs)
        {
            doc.Remarks(Keeps(stage, "every graph input"));
        }

        var parameters = TensorSourceSyntax.Parameters(spec, arrival.Holders, doc).ToList();
        parameters.Add(Parameter(Keyword(SyntaxKind.LongKeyword), "sequence", Long(0)));
        doc.Param("sequence", "The run's sequence number, carried on with the next transfer.")
            .Returns("The arrival: the stage's inputs, the tensors at hand and the sequence number.");

        // graphInputs.ToNamedTensors() | []
        ExpressionSyntax tensors = arrival.TensorsFromGraphInputs
            ? Call(Member(Name(ReservedNames.HolderParameter(HolderKind.GraphInputs, -1)), "ToNamedTensors"))
            : Collection([]);

        // public static Arrival Arrive(global::Ns.DetectorPlan.GraphInputs graphInputs, long sequence = 0L)
        // {
        //     global::System.ArgumentNullException.ThrowIfNull(graphInputs);
        //     return new() { Inputs = new() { Images = graphInputs.Images, }, Tensors = graphInputs.ToNamedTensors(), Sequence = sequence, };
        // }
        return StaticMethod(
            Name("Arrival"),
            "Arrive",
            parameters,
            [.. TensorSourceSyntax.Checks(arrival.Holders), ReturnStatement(NewArrival(spec, stage, tensors, Name("sequence")))],
            doc);
    }

    private static ExpressionSyntax NewArrival(CodegenSpec spec, StageClassSpec stage, ExpressionSyntax tensors, ExpressionSyntax sequence) =>
        // new()
        // {
        //     Inputs = new()
        //     {
        //         Features = message["features"].ToDenseTensor<float>(),
        //     },
        //     Tensors = message.Tensors,
        //     Sequence = message.Sequence,
        // }
        RecordEmitter.Initialized(
        [
            ("Inputs", RecordEmitter.Initialized(stage.Inputs.Zip(stage.Arrival.Inputs, (target, source) => (target.Property, TensorSourceSyntax.Dense(spec, source, target))))),
            ("Tensors", tensors),
            ("Sequence", sequence),
        ]);

    private static string Keeps(StageClassSpec stage, string what) =>
        "The arrival keeps " + what + (stage.Send is not null
            ? ", so <see cref=\"SendAsync\"/> relays those this stage does not read."
            : stage.Collect is not null ? ", so <see cref=\"CollectGraphOutputs\"/> finds the graph outputs that came with it." : ".");

    private static string Carried(StageClassSpec stage, SendSpec send)
    {
        var own = send.Tensors.Where(t => t.Form == SourceForm.Record && t.Variable == "outputs").Select(t => t.Tensor).ToList();
        var relayed = send.Tensors.Select(t => t.Tensor).Except(own, StringComparer.Ordinal).ToList();
        string index = stage.Index.ToString(CultureInfo.InvariantCulture);
        return TensorSourceSyntax.Names(own) + " from stage " + index
            + (relayed.Count > 0 ? "; relayed: " + TensorSourceSyntax.Names(relayed) : string.Empty);
    }
}
