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
/// The plan class (<c>public static partial class DetectorPlan</c>): the plan's facts as constants, the runtime
/// descriptor, the stage folder, one nested class per device and the private helpers the stage classes share.
/// </summary>
internal static class PlanClassEmitter
{
    // A fixed helper: no text from the plan enters it.
    private const string FindTensorSource = """
        private static global::PartitionCompiler.Runtime.Tensors.NamedTensor FindTensor(global::System.Collections.Generic.IReadOnlyList<global::PartitionCompiler.Runtime.Tensors.NamedTensor> tensors, string name)
        {
            global::System.ArgumentNullException.ThrowIfNull(tensors);
            foreach (global::PartitionCompiler.Runtime.Tensors.NamedTensor tensor in tensors)
            {
                if (string.Equals(tensor.Name, name, global::System.StringComparison.Ordinal))
                {
                    return tensor;
                }
            }

            throw new global::System.Collections.Generic.KeyNotFoundException("No tensor named '" + name + "' was given.");
        }
        """;

    // A fixed helper: no text from the plan enters it.
    private const string CheckMessageSource = """
        private static void CheckMessage(global::PartitionCompiler.Runtime.Transport.TensorMessage message, int fromStage, int toStage)
        {
            if (message.FromStage != fromStage || message.ToStage != toStage)
            {
                throw new global::System.InvalidOperationException(global::System.FormattableString.Invariant($"Expected a message from stage {fromStage} to stage {toStage}, but message {message.Sequence} goes from stage {message.FromStage} to stage {message.ToStage}."));
            }
        }
        """;

    /// <summary>The plan class of the main file.</summary>
    public static ClassDeclarationSyntax Build(CodegenSpec spec)
    {
        // /// <summary>The partition plan of <c>models/detector.onnx</c>: 3 stages on ...</summary>
        // public static partial class DetectorPlan
        // {
        //     public const string ModelPath = "models/detector.onnx";
        //     ... ModelSha256, ManifestSha256, ModelNodes, Strategy, Objective, StageCount, PredictedLatencyMs, PredictedEnergyJ
        //     public static IReadOnlyList<string> Devices { get; } = ["glasses", ...];
        //     public static string? StageFolder { get; set; }
        //     public static PlanDescriptor Descriptor { get; } = new PlanDescriptor(...);
        //     public static ValueTask SendGraphInputsAsync(...)        (when an input transfer leaves the source)
        //     public static Task<GraphOutputs> ReceiveGraphOutputsAsync(...)   (when an output transfer goes to the sink)
        //     public static partial class Glasses { public const string Name = "glasses"; }
        //     ...
        //     public sealed record GraphInputs { ... }
        //     public sealed record GraphOutputs { ... }
        //     private static NamedTensor FindTensor(IReadOnlyList<NamedTensor> tensors, string name) { ... }
        //     private static void CheckMessage(TensorMessage message, int fromStage, int toStage) { ... }
        // }
        TypeSyntax text = Keyword(SyntaxKind.StringKeyword);
        TypeSyntax number = Keyword(SyntaxKind.DoubleKeyword);
        TypeSyntax count = Keyword(SyntaxKind.IntKeyword);
        List<MemberDeclarationSyntax> members =
        [
            Constant(text, "ModelPath", String(spec.ModelPath), Summary("The model's path relative to the plan file: " + Code(spec.ModelPath) + ".")),
            Constant(text, "ModelSha256", String(spec.ModelSha256), Summary("The sha256 of the model the plan was solved for.")),
            Constant(text, "ManifestSha256", String(spec.ManifestSha256), Summary("The sha256 of the device manifest the plan was solved for.")),
            Constant(count, "ModelNodes", Int(spec.ModelNodes), Summary("The number of positioned nodes in the model.")),
            Constant(text, "Strategy", String(spec.Strategy), Summary("How the model was partitioned: " + Code(spec.Strategy) + ".")),
            Constant(text, "Objective", String(spec.Objective), Summary("What the solver minimised: " + Code(spec.Objective) + ".")),
            Constant(count, "StageCount", Int(spec.Stages.Count), Summary("The number of stages.")),
            Constant(number, "PredictedLatencyMs", Double(spec.PredictedLatencyMs), Summary("Predicted response time in milliseconds: every stage's compute plus every transfer.")),
            Constant(number, "PredictedEnergyJ", Double(spec.PredictedEnergyJ), Summary("Predicted energy of one run in joules.")),
            StaticProperty(
                Generic(KnownTypes.ReadOnlyList, text),
                "Devices",
                Collection(spec.Devices.Select(d => String(d.Name)), wrap: true),
                Summary("The devices that run a stage, in manifest order.")),
            StageFolderProperty(),
            StaticProperty(
                Type(KnownTypes.PlanDescriptor),
                "Descriptor",
                DescriptorSyntax.Plan(spec),
                Summary("The whole plan for <see cref=\"" + KnownTypes.PipelineRunner + "\"/>, which runs every stage in one process.")),
        ];
        if (spec.SendGraphInputs is SendSpec send)
        {
            members.Add(PlanGlueEmitter.SendGraphInputs(spec, send));
        }

        if (spec.ReceiveGraphOutputs is GraphOutputsSpec receive)
        {
            members.Add(PlanGlueEmitter.ReceiveGraphOutputs(spec, receive));
        }

        members.AddRange(spec.Devices.Select(DeviceClass));
        members.Add(RecordEmitter.GraphInputs(spec));
        members.Add(RecordEmitter.GraphOutputs(spec));
        members.Add(ParseMemberDeclaration(FindTensorSource)!);
        members.Add(ParseMemberDeclaration(CheckMessageSource)!);

        string devices = string.Join(", ", spec.Devices.Select(d => Code(d.Name)));
        return StaticPartialClass(
            spec.ClassName,
            members,
            Summary(
                "The partition plan of " + Code(spec.ModelPath) + ": " + spec.Stages.Count.ToString(CultureInfo.InvariantCulture)
                + " stages on " + devices + ", predicted " + Number(spec.PredictedLatencyMs) + " ms and " + Number(spec.PredictedEnergyJ) + " J per run.")
                .Remarks("Each device has a nested class holding its stage classes; <see cref=\"Descriptor\"/> runs them all in one process."));
    }

    private static PropertyDeclarationSyntax StageFolderProperty() =>
        // /// <summary>...</summary>
        // public static string? StageFolder { get; set; }
        Summary("The folder stage files are loaded from; null (the default) means the runtime's default, the partitions folder beside the application.")
            .Remarks("Set it before a stage's shared session is first used; sessions already loaded keep their files.")
            .Attach(
                PropertyDeclaration(NullableType(Keyword(SyntaxKind.StringKeyword)), Id("StageFolder"))
                    .WithModifiers(Modifiers(SyntaxKind.PublicKeyword, SyntaxKind.StaticKeyword))
                    .WithAccessorList(Accessors(SyntaxKind.GetAccessorDeclaration, SyntaxKind.SetAccessorDeclaration)));

    private static ClassDeclarationSyntax DeviceClass(DeviceClassSpec device) =>
        // /// <summary>The stages that run on device <c>glasses</c>.</summary>
        // public static partial class Glasses
        // {
        //     /// <summary>The device's name in the manifest.</summary>
        //     public const string Name = "glasses";
        // }
        StaticPartialClass(
            device.ClassName,
            [Constant(Keyword(SyntaxKind.StringKeyword), "Name", String(device.Name), Summary("The device's name in the manifest."))],
            Summary("The stages that run on device " + Code(device.Name) + ": "
                + string.Join(", ", device.Stages.Select(s => "<see cref=\"Stage" + s.ToString(CultureInfo.InvariantCulture) + "\"/>")) + "."));
}
