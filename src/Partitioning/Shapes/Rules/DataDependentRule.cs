using PartitionCompiler.Partitioning.Graph;

namespace PartitionCompiler.Partitioning.Shapes.Rules;

/// <summary>
/// Operators whose output size depends on the input values: <c>NonZero</c> (int64 [rank, ?]), <c>Compress</c>,
/// <c>Unique</c>, <c>NonMaxSuppression</c> (int64 [?, 3]). Their outputs stay undecided: ONNX Runtime has to be asked.
/// </summary>
internal sealed class DataDependentRule : IShapeRule
{
    public IReadOnlyList<string> OpTypes { get; } = ["NonZero", "Compress", "Unique", "NonMaxSuppression"];

    public void Infer(ShapeContext context)
    {
        context.MarkDataDependent();
        var x = context.InputShape(0);
        switch (context.Node.OpType)
        {
            case "NonZero":
                context.SetOutput(0, ElementType.Int64, DimMath.Shape(x is null ? Dim.Symbolic() : x.Rank, Dim.Symbolic()));
                break;
            case "NonMaxSuppression":
                context.SetOutput(0, ElementType.Int64, DimMath.Shape(Dim.Symbolic(), 3));
                break;
            case "Compress":
                context.SetOutput(0, context.InputElementType(0), context.Attribute("axis") is null || x is null ? DimMath.Unknown(1) : DimMath.Unknown(x.Rank));
                break;
        }
    }
}
