using PartitionCompiler.Partitioning.Graph;

namespace PartitionCompiler.Partitioning.Shapes.Rules;

/// <summary><c>Concat</c>: every input has the same rank and the same dims except on <c>axis</c>, where they add up.
/// Small 1-D values fold (shape vectors built from pieces).</summary>
internal sealed class ConcatRule : IShapeRule
{
    public IReadOnlyList<string> OpTypes { get; } = ["Concat"];

    public void Infer(ShapeContext context)
    {
        var inputs = Enumerable.Range(0, context.InputCount).Where(context.HasInput).ToArray();
        if (inputs.Length == 0)
        {
            context.Invalid("inputs", "are missing");
            return;
        }

        var elementType = inputs.Select(context.InputElementType).FirstOrDefault(t => t != ElementType.Undefined);
        var shapes = inputs.Select(context.InputShape).ToArray();
        var known = shapes.Where(s => s is not null).Select(s => s!).ToArray();
        if (known.Length == 0)
        {
            return;
        }

        int rank = known[0].Rank;
        if (known.Any(s => s.Rank != rank))
        {
            context.Mismatch($"inputs have different ranks ({string.Join(", ", known.Select(s => s.ToString()))})");
            return;
        }

        long axisAttribute = context.Int("axis", context.Opset is > 0 and < 4 ? 1 : long.MinValue);
        if (axisAttribute == long.MinValue)
        {
            context.Invalid("axis", "is missing; Concat requires it");
            return;
        }

        if (!DimMath.TryNormalizeAxis(axisAttribute, rank, out int axis))
        {
            context.Invalid("axis", $"is {axisAttribute}, outside [-{rank}, {rank - 1}] for inputs of rank {rank}");
            return;
        }

        var output = new Dim[rank];
        for (int d = 0; d < rank; d++)
        {
            if (d == axis)
            {
                output[d] = shapes.Length == known.Length ? known.Select(s => s[d]).Aggregate(DimMath.Add) : Dim.Symbolic();
                continue;
            }

            var dim = known[0][d];
            foreach (var shape in known)
            {
                if (!DimMath.Compatible(dim, shape[d]))
                {
                    context.Mismatch($"inputs {string.Join(", ", known.Select(s => s.ToString()))} differ in dim {d}, which is not the concat axis {axis}");
                    return;
                }

                dim = DimMath.Merge(dim, shape[d]);
            }

            output[d] = dim;
        }

        context.SetOutput(0, elementType, DimMath.Shape(output), rank == 1 ? Fold(context, inputs, elementType) : null);
    }

    private static ConstantValue? Fold(ShapeContext context, int[] inputs, ElementType elementType)
    {
        var values = inputs.Select(context.InputValue).ToArray();
        if (values.Any(v => v is null))
        {
            return null;
        }

        long count = values.Sum(v => (long)v!.Count);
        if (values.All(v => v!.Integers is not null))
        {
            var dims = values.SelectMany(v => v!.Integers!).ToArray();
            return ConstantValue.OfIntegers(elementType, [count], dims);
        }

        return values.All(v => v!.Reals is not null)
            ? ConstantValue.OfReals(elementType, [count], values.SelectMany(v => v!.Reals!).ToArray())
            : null;
    }
}
