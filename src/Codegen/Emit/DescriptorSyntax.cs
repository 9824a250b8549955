using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PartitionCompiler.Codegen.Spec;
using static PartitionCompiler.Codegen.Emit.CodeSyntax;

namespace PartitionCompiler.Codegen.Emit;

/// <summary>
/// The runtime's plan description as C# expressions: what <c>PipelineRunner</c> needs of the plan, built as static data.
/// </summary>
internal static class DescriptorSyntax
{
    /// <summary>The plan descriptor, referring to each stage class's <c>Descriptor</c>.</summary>
    public static ExpressionSyntax Plan(CodegenSpec spec)
    {
        // new global::PartitionCompiler.Runtime.Plans.PlanDescriptor(
        //     "detector",
        //     [
        //         global::Ns.DetectorPlan.Glasses.Stage0.Descriptor,
        //         ...
        //     ],
        //     [
        //         new global::PartitionCompiler.Runtime.Plans.TransferDescriptor(...),
        //     ],
        //     83.2)
        var stages = spec.Stages.Select(s => Member(Qualified(spec.Namespace, spec.ClassName, s.DeviceClassName, s.ClassName), "Descriptor"));
        return New(
            Type(KnownTypes.PlanDescriptor),
            [String(spec.PlanName), Collection(stages, wrap: true), Collection(spec.Transfers.Select(Transfer), wrap: true), Double(spec.PredictedLatencyMs)],
            wrap: true);
    }

    /// <summary>A stage descriptor, inside the stage class (its constants and records are in scope).</summary>
    public static ExpressionSyntax Stage() =>
        // new global::PartitionCompiler.Runtime.Plans.StageDescriptor(Index, Device, File, Inputs.Descriptors, Outputs.Descriptors, PredictedMs)
        New(
            Type(KnownTypes.StageDescriptor),
            [Name("Index"), Name("Device"), Name("File"), Member(Name("Inputs"), "Descriptors"), Member(Name("Outputs"), "Descriptors"), Name("PredictedMs")]);

    /// <summary>The descriptors of a stage's inputs, one per line.</summary>
    public static ExpressionSyntax Inputs(IEnumerable<TensorSpec> inputs) =>
        // [
        //     new global::PartitionCompiler.Runtime.Plans.StageInputDescriptor("images", global::PartitionCompiler.Runtime.Tensors.ElementType.Float32, [1L, 3L, 416L, 416L], null),
        // ]
        Collection(
            inputs.Select(t => New(
                Type(KnownTypes.StageInputDescriptor),
                [String(t.Name), Element(t.Element), Shape(t.Shape), t.FromStage is int from ? Int(from) : Null()])),
            wrap: true);

    /// <summary>The descriptors of a stage's outputs, one per line.</summary>
    public static ExpressionSyntax Outputs(IEnumerable<TensorSpec> outputs) =>
        // [
        //     new global::PartitionCompiler.Runtime.Plans.StageOutputDescriptor("pool2_out", global::PartitionCompiler.Runtime.Tensors.ElementType.Float32, [1L, 192L, 13L, 13L], [1], false),
        // ]
        Collection(
            outputs.Select(t => New(
                Type(KnownTypes.StageOutputDescriptor),
                [String(t.Name), Element(t.Element), Shape(t.Shape), Collection(t.ToStages.Select(Int)), Bool(t.ToOutput)])),
            wrap: true);

    /// <summary>Plain tensor descriptors (graph inputs and outputs), one per line.</summary>
    public static ExpressionSyntax Tensors(IEnumerable<TensorSpec> tensors) =>
        // [
        //     new global::PartitionCompiler.Runtime.Plans.TensorDescriptor("images", global::PartitionCompiler.Runtime.Tensors.ElementType.Float32, [1L, 3L, 416L, 416L]),
        // ]
        Collection(tensors.Select(t => New(Type(KnownTypes.TensorDescriptor), [String(t.Name), Element(t.Element), Shape(t.Shape)])), wrap: true);

    /// <summary>The runtime's element type member: <c>global::PartitionCompiler.Runtime.Tensors.ElementType.Float32</c>.</summary>
    public static ExpressionSyntax Element(TensorElementSpec element) => Member(Type(KnownTypes.ElementType), element.RuntimeMember);

    private static ExpressionSyntax Transfer(TransferSpec transfer) =>
        // new global::PartitionCompiler.Runtime.Plans.TransferDescriptor(
        //     0,                       (null for the input transfer)
        //     1,                       (null for the output transfer)
        //     ["glasses", "phone"],
        //     ["pool2_out"],
        //     129792L,
        //     8.2,
        //     [new global::PartitionCompiler.Runtime.Plans.HopDescriptor("glasses", "phone", 2500000.0, 0.003)])
        New(
            Type(KnownTypes.TransferDescriptor),
            [
                transfer.FromStage is int from ? Int(from) : Null(),
                transfer.ToStage is int to ? Int(to) : Null(),
                Collection(transfer.Route.Select(String)),
                Collection(transfer.Tensors.Select(String)),
                Long(transfer.Bytes),
                Double(transfer.PredictedMs),
                Collection(transfer.Hops.Select(Hop), wrap: true),
            ],
            wrap: true);

    private static ExpressionSyntax Hop(HopSpec hop) =>
        // new global::PartitionCompiler.Runtime.Plans.HopDescriptor("glasses", "phone", 2500000.0, 0.003)
        New(Type(KnownTypes.HopDescriptor), [String(hop.From), String(hop.To), Double(hop.RateBytesPerSecond), Double(hop.LatencySeconds)]);

    private static CollectionExpressionSyntax Shape(IEnumerable<long> dims) =>
        // [1L, 3L, 416L, 416L]
        Collection(dims.Select(Long));

    private static LiteralExpressionSyntax Bool(bool value) =>
        // true | false
        Microsoft.CodeAnalysis.CSharp.SyntaxFactory.LiteralExpression(value ? SyntaxKind.TrueLiteralExpression : SyntaxKind.FalseLiteralExpression);
}
