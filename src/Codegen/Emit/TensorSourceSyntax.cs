using System.Globalization;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PartitionCompiler.Codegen.Spec;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;
using static PartitionCompiler.Codegen.Emit.CodeSyntax;
using static PartitionCompiler.Codegen.Emit.DocComment;

namespace PartitionCompiler.Codegen.Emit;

/// <summary>
/// Reads a tensor where the glue finds it (<see cref="TensorSourceSpec"/>), as the runtime's named tensor for a message
/// or as the typed property of a record, and declares the typed parameters that hand over what a device kept
/// (<see cref="HolderSpec"/>).
/// </summary>
internal static class TensorSourceSyntax
{
    /// <summary>The tensor as a <c>NamedTensor</c> (for a message).</summary>
    public static ExpressionSyntax Named(CodegenSpec spec, TensorSourceSpec source) => source.Form switch
    {
        // message["features"]
        SourceForm.Message => Lookup(source),
        // global::Ns.DetectorPlan.FindTensor(arrival.Tensors, "features")
        SourceForm.ArrivalTensors => Find(spec, source),
        // global::PartitionCompiler.Runtime.Tensors.NamedTensor.FromDenseTensor("features", outputs.Features)
        _ => Call(Member(Type(KnownTypes.NamedTensor), "FromDenseTensor"), String(source.Tensor), Property(source)),
    };

    /// <summary>The tensor as the <c>DenseTensor&lt;T&gt;</c> of <paramref name="target"/>'s property.</summary>
    public static ExpressionSyntax Dense(CodegenSpec spec, TensorSourceSpec source, TensorSpec target) => source.Form switch
    {
        // message["features"].ToDenseTensor<float>()
        SourceForm.Message => RecordEmitter.ToDense(Lookup(source), target),
        // global::Ns.DetectorPlan.FindTensor(arrival.Tensors, "features").ToDenseTensor<float>()
        SourceForm.ArrivalTensors => RecordEmitter.ToDense(Find(spec, source), target),
        // outputs.Features | arrival.Inputs.Features
        _ => Property(source),
    };

    /// <summary>The parameters of a method's holders, documented on <paramref name="doc"/>.</summary>
    public static IEnumerable<ParameterSyntax> Parameters(CodegenSpec spec, IEnumerable<HolderSpec> holders, DocComment doc)
    {
        foreach (HolderSpec holder in holders)
        {
            // global::Ns.DetectorPlan.Glasses.Stage0.Outputs stage0Outputs
            doc.Param(holder.Parameter, Describe(spec, holder));
            yield return Parameter(HolderType(spec, holder), holder.Parameter);
        }
    }

    /// <summary><c>ArgumentNullException.ThrowIfNull</c> for each holder.</summary>
    public static IEnumerable<StatementSyntax> Checks(IEnumerable<HolderSpec> holders) => holders.Select(h => ThrowIfNull(h.Parameter));

    /// <summary>The type a holder parameter has.</summary>
    public static TypeSyntax HolderType(CodegenSpec spec, HolderSpec holder)
    {
        if (holder.Kind == HolderKind.GraphInputs)
        {
            // global::Ns.DetectorPlan.GraphInputs
            return QualifiedType(spec.Namespace, spec.ClassName, ReservedNames.GraphInputsRecord);
        }

        // global::Ns.DetectorPlan.Glasses.Stage0.Arrival | ...Outputs
        StageClassSpec stage = spec.Stages.First(s => s.Index == holder.Stage);
        return QualifiedType(spec.Namespace, spec.ClassName, stage.DeviceClassName, stage.ClassName, holder.Kind == HolderKind.Arrival ? "Arrival" : "Outputs");
    }

    /// <summary>The record type of the plan's graph inputs or outputs.</summary>
    public static TypeSyntax GraphRecord(CodegenSpec spec, string record) => QualifiedType(spec.Namespace, spec.ClassName, record);

    /// <summary>The names of the tensors, as inline code, joined by commas (<c>none</c> when empty).</summary>
    public static string Names(IEnumerable<string> tensors)
    {
        string[] names = [.. tensors.Select(Code)];
        return names.Length == 0 ? "none" : string.Join(", ", names);
    }

    /// <summary>A stage number or end in words: <c>stage 2</c>, <c>the source</c>, <c>the sink</c>.</summary>
    public static string Stage(int? stage, string end) =>
        stage is int index ? "stage " + index.ToString(CultureInfo.InvariantCulture) : end;

    private static string Describe(CodegenSpec spec, HolderSpec holder)
    {
        if (holder.Kind == HolderKind.GraphInputs)
        {
            return "The graph inputs, as this device has them (it is the source).";
        }

        StageClassSpec stage = spec.Stages.First(s => s.Index == holder.Stage);
        string what = holder.Kind == HolderKind.Arrival ? "The arrival of" : "The outputs of";
        return what + " stage " + stage.Index.ToString(CultureInfo.InvariantCulture) + ", which ran earlier on this device.";
    }

    private static ElementAccessExpressionSyntax Lookup(TensorSourceSpec source) =>
        ElementAccessExpression(Name(source.Variable), BracketedArgumentList(SingletonSeparatedList(Argument(String(source.Tensor)))));

    private static InvocationExpressionSyntax Find(CodegenSpec spec, TensorSourceSpec source) =>
        Call(Qualified(spec.Namespace, spec.ClassName, "FindTensor"), Member(Name(source.Variable), "Tensors"), String(source.Tensor));

    private static ExpressionSyntax Property(TensorSourceSpec source) => source.Form == SourceForm.ArrivalInputs
        ? Member(Name(source.Variable), "Inputs", source.Property!)
        : Member(Name(source.Variable), source.Property!);
}
