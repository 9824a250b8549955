using PartitionCompiler.Partitioning.Graph;

namespace PartitionCompiler.Partitioning.Shapes.Rules;

/// <summary><c>OneHot</c>: the indices' shape with a new dim of size <c>depth</c> inserted at <c>axis</c> (default -1,
/// counted in the output's rank); typed like <c>values</c>. An unknown depth makes the output data-dependent.</summary>
internal sealed class OneHotRule : IShapeRule
{
    public IReadOnlyList<string> OpTypes { get; } = ["OneHot"];

    public void Infer(ShapeContext context)
    {
        var indices = context.InputShape(0);
        var elementType = context.InputElementType(2);
        if (indices is null)
        {
            return;
        }

        int rank = indices.Rank + 1;
        long axisAttribute = context.Int("axis", -1);
        if (!DimMath.TryNormalizeAxis(axisAttribute, rank, out int axis))
        {
            context.Invalid("axis", $"is {axisAttribute}, outside [-{rank}, {rank - 1}] for indices {indices}");
            return;
        }

        var depthValue = context.InputValue(1);
        Dim depth = depthValue is { Count: 1 } && depthValue.RealAt(0) is double d ? (long)d : Dim.Symbolic();
        if (!depth.IsKnown)
        {
            context.MarkDataDependent();
        }

        var output = indices.Dims.ToList();
        output.Insert(axis, depth);
        context.SetOutput(0, elementType, DimMath.Shape(output));
    }
}
