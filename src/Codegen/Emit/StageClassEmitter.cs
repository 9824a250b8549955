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
/// One stage's class (<c>DetectorPlan.Glasses.Stage0</c>): its facts, its descriptor, loading and running its
/// ONNX model, the glue of its transfers (<see cref="GlueEmitter"/>) and its typed records (<see cref="RecordEmitter"/>).
/// </summary>
internal static class StageClassEmitter
{
    /// <summary>The stage class.</summary>
    public static ClassDeclarationSyntax Build(CodegenSpec spec, StageClassSpec stage)
    {
        // /// <summary>Stage 0 of the plan, on device <c>glasses</c>: runs ...</summary>
        // public static partial class Stage0
        // {
        //     public const int Index = 0;
        //     public const string Device = "glasses";
        //     public const string File = "glasses/detector.stage0.onnx";
        //     public const double PredictedMs = 12.5;
        //     private static readonly string[] OutputNames = ["features", ...];
        //     private static readonly Lazy<StageSession> SharedSession = new(() => Load());
        //     public static StageDescriptor Descriptor { get; } = new StageDescriptor(...);
        //     Load, Run, Run, RunAsync, RunAsync,
        //     ReceiveAsync (a transfer arrives) or Arrive (none does), SendAsync (a transfer leaves),
        //     CollectGraphOutputs (the plan ends here)
        //     public sealed record Inputs { ... }
        //     public sealed record Outputs { ... }
        //     public sealed record Arrival { ... }
        // }
        string index = stage.Index.ToString(CultureInfo.InvariantCulture);
        List<MemberDeclarationSyntax> members =
        [
            Constant(Keyword(SyntaxKind.IntKeyword), "Index", Int(stage.Index), Summary("The stage's index in the plan.")),
            Constant(Keyword(SyntaxKind.StringKeyword), "Device", String(stage.Device), Summary("The device the stage runs on.")),
            Constant(Keyword(SyntaxKind.StringKeyword), "File", String(stage.File), Summary("The stage model, relative to the stage folder.")),
            Constant(Keyword(SyntaxKind.DoubleKeyword), "PredictedMs", Double(stage.PredictedMs), Summary("Predicted compute time on the device in milliseconds.")),
            ReadOnlyField(
                ArrayType(Keyword(SyntaxKind.StringKeyword), SingletonList(ArrayRankSpecifier())),
                "OutputNames",
                Collection(stage.Outputs.Select(o => String(o.Name)), wrap: true)),
            SharedSessionField(),
            StaticProperty(
                Type(KnownTypes.StageDescriptor),
                "Descriptor",
                DescriptorSyntax.Stage(),
                Summary("The stage as the runtime describes it.")),
            LoadMethod(spec),
            .. RunMethods(),
            GlueEmitter.Arrival(spec, stage),
        ];
        if (stage.Send is SendSpec send)
        {
            members.Add(GlueEmitter.Send(spec, stage, send));
        }

        if (stage.Collect is GraphOutputsSpec collect)
        {
            members.Add(GlueEmitter.Collect(spec, collect));
        }

        members.Add(RecordEmitter.Inputs(spec, stage));
        members.Add(RecordEmitter.Outputs(spec, stage));
        members.Add(RecordEmitter.Arrival(stage));
        return StaticPartialClass(
            stage.ClassName,
            members,
            Summary("Stage " + index + " of the plan, on device " + Code(stage.Device) + ": runs " + Code(stage.File)
                + ", predicted " + Number(stage.PredictedMs) + " ms."));
    }

    private static FieldDeclarationSyntax SharedSessionField() =>
        // private static readonly global::System.Lazy<global::PartitionCompiler.Runtime.Sessions.StageSession> SharedSession = new(() => Load());
        ReadOnlyField(
            Generic(KnownTypes.Lazy, Type(KnownTypes.StageSession)),
            "SharedSession",
            ImplicitObjectCreationExpression()
                .WithArgumentList(ArgumentList(SingletonSeparatedList(Argument(ParenthesizedLambdaExpression(Call(Name("Load"))))))));

    private static MethodDeclarationSyntax LoadMethod(CodegenSpec spec)
    {
        // public static global::PartitionCompiler.Runtime.Sessions.StageSession Load(string? stageFolder = null, global::Microsoft.ML.OnnxRuntime.SessionOptions? options = null) =>
        //     new(File, stageFolder ?? global::Ns.DetectorPlan.StageFolder, options);
        ExpressionSyntax folder = BinaryExpression(
            SyntaxKind.CoalesceExpression, Name("stageFolder"), Qualified(spec.Namespace, spec.ClassName, "StageFolder"));
        return StaticMethod(
            Type(KnownTypes.StageSession),
            "Load",
            [
                Parameter(NullableType(Keyword(SyntaxKind.StringKeyword)), "stageFolder", Null()),
                Parameter(NullableType(Type(KnownTypes.SessionOptions)), "options", Null()),
            ],
            ImplicitObjectCreationExpression().WithArgumentList(ArgumentList(SeparatedList(
                [Argument(Name("File")), Argument(folder), Argument(Name("options"))]))),
            Summary("Loads the stage model into a new ONNX Runtime session; the caller disposes it.")
                .Param("stageFolder", "The folder stage files are relative to; default <see cref=\"" + spec.ClassName + ".StageFolder\"/>, then the runtime's default.")
                .Param("options", "ONNX Runtime session options (execution providers, threads); default options when null.")
                .Returns("The session, reusable across runs and threads."));
    }

    private static IEnumerable<MethodDeclarationSyntax> RunMethods()
    {
        TypeSyntax inputs = Name("Inputs");
        TypeSyntax outputs = Name("Outputs");
        TypeSyntax session = Type(KnownTypes.StageSession);
        ParameterSyntax token = Parameter(Type(KnownTypes.CancellationToken), "cancellationToken", LiteralExpression(SyntaxKind.DefaultLiteralExpression));
        TypeSyntax task = Generic(KnownTypes.Task, outputs);

        // public static Outputs Run(Inputs inputs) => Run(SharedSession.Value, inputs);
        yield return StaticMethod(
            outputs,
            "Run",
            [Parameter(inputs, "inputs")],
            Call(Name("Run"), Member(Name("SharedSession"), "Value"), Name("inputs")),
            Summary("Runs the stage on its shared session, loaded on first use from the plan's stage folder.")
                .Param("inputs", "The stage's inputs.")
                .Returns("The stage's outputs."));

        // public static Outputs Run(global::PartitionCompiler.Runtime.Sessions.StageSession session, Inputs inputs)
        // {
        //     global::System.ArgumentNullException.ThrowIfNull(session);
        //     global::System.ArgumentNullException.ThrowIfNull(inputs);
        //     return Outputs.FromNamedTensors(session.Run(inputs.ToNamedTensors(), OutputNames));
        // }
        yield return StaticMethod(
            outputs,
            "Run",
            [Parameter(session, "session"), Parameter(inputs, "inputs")],
            [
                ThrowIfNull("session"),
                ThrowIfNull("inputs"),
                ReturnStatement(Call(
                    Member(Name("Outputs"), "FromNamedTensors"),
                    Call(Member(Name("session"), "Run"), Call(Member(Name("inputs"), "ToNamedTensors")), Name("OutputNames")))),
            ],
            Summary("Runs the stage on a session from <see cref=\"Load\"/>.")
                .Param("session", "The stage's session.")
                .Param("inputs", "The stage's inputs.")
                .Returns("The stage's outputs."));

        // public static global::System.Threading.Tasks.Task<Outputs> RunAsync(Inputs inputs, global::System.Threading.CancellationToken cancellationToken = default) =>
        //     global::System.Threading.Tasks.Task.Run(() => Run(inputs), cancellationToken);
        yield return StaticMethod(
            task,
            "RunAsync",
            [Parameter(inputs, "inputs"), token],
            Call(Member(Type(KnownTypes.Task), "Run"), ParenthesizedLambdaExpression(Call(Name("Run"), Name("inputs"))), Name("cancellationToken")),
            Summary("Runs the stage on its shared session on the thread pool.")
                .Param("inputs", "The stage's inputs.")
                .Param("cancellationToken", "Cancels the run before it starts.")
                .Returns("The stage's outputs."));

        // public static global::System.Threading.Tasks.Task<Outputs> RunAsync(global::PartitionCompiler.Runtime.Sessions.StageSession session, Inputs inputs, global::System.Threading.CancellationToken cancellationToken = default) =>
        //     global::System.Threading.Tasks.Task.Run(() => Run(session, inputs), cancellationToken);
        yield return StaticMethod(
            task,
            "RunAsync",
            [Parameter(session, "session"), Parameter(inputs, "inputs"), token],
            Call(Member(Type(KnownTypes.Task), "Run"), ParenthesizedLambdaExpression(Call(Name("Run"), Name("session"), Name("inputs"))), Name("cancellationToken")),
            Summary("Runs the stage on a session from <see cref=\"Load\"/>, on the thread pool.")
                .Param("session", "The stage's session.")
                .Param("inputs", "The stage's inputs.")
                .Param("cancellationToken", "Cancels the run before it starts.")
                .Returns("The stage's outputs."));
    }
}
