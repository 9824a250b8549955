using PartitionCompiler.Partitioning.Graph;

namespace PartitionCompiler.Partitioning.Shapes.Rules;

/// <summary>
/// Reductions (<c>ReduceMean</c>, <c>ReduceSum</c>, ...: <c>axes</c> as attribute, or input from opset 13/18; no axes =
/// all axes unless <c>noop_with_empty_axes</c>; <c>keepdims</c> default 1) and <c>ArgMax</c>/<c>ArgMin</c> (one
/// <c>axis</c>, int64 result). Reductions of small 1-D integer values over their only axis fold.
/// </summary>
internal sealed class ReductionRule : IShapeRule
{
    public IReadOnlyList<string> OpTypes { get; } =
    [
        "ReduceMean", "ReduceSum", "ReduceMax", "ReduceMin", "ReduceProd", "ReduceL1", "ReduceL2", "ReduceLogSum",
        "ReduceLogSumExp", "ReduceSumSquare", "ArgMax", "ArgMin",
    ];

    public void Infer(ShapeContext context)
    {
        var type = context.InputType(0);
        if (type?.Shape is not { } x)
        {
            return;
        }

        bool arg = context.Node.OpType is "ArgMax" or "ArgMin";
        bool keepDims = context.Int("keepdims", 1) != 0;
        var elementType = arg ? ElementType.Int64 : type.ElementType;
        long[]? axes = arg ? [context.Int("axis", 0)] : context.Ints("axes") ?? (context.HasInput(1) ? context.InputLongs(1) : null);
        if (axes is null && context.HasInput(1))
        {
            context.SetOutput(0, elementType, keepDims ? DimMath.Unknown(x.Rank) : null);
            context.MarkDataDependent();
            return;
        }

        if (axes is null || axes.Length == 0)
        {
            if (context.Int("noop_with_empty_axes", 0) != 0)
            {
                context.SetOutput(0, type, context.InputValue(0));
                return;
            }

            axes = Enumerable.Range(0, x.Rank).Select(i => (long)i).ToArray();
        }

        var reduced = new HashSet<int>();
        foreach (long a in axes)
        {
            if (!DimMath.TryNormalizeAxis(a, x.Rank, out int axis))
            {
                context.Invalid(arg ? "axis" : "axes", $"holds {a}, outside [-{x.Rank}, {x.Rank - 1}] for input {x}");
                return;
            }

            reduced.Add(axis);
        }

        var output = new List<Dim>();
        for (int i = 0; i < x.Rank; i++)
        {
            if (!reduced.Contains(i))
            {
                output.Add(x[i]);
            }
            else if (keepDims)
            {
                output.Add(1);
            }
        }

        var shape = DimMath.Shape(output);
        context.SetOutput(0, elementType, shape, arg ? null : Fold(context.Node.OpType, context.InputValue(0), shape));
    }

    private static ConstantValue? Fold(string op, ConstantValue? value, TensorShape shape)
    {
        if (value?.Integers is not { } ints || value.Rank != 1 || !shape.IsFullyKnown)
        {
            return null;
        }

        Dim result = op switch
        {
            "ReduceProd" => ints.Aggregate((Dim)1, DimMath.Multiply),
            "ReduceSum" => ints.Aggregate((Dim)0, DimMath.Add),
            "ReduceMax" when ints.All(d => d.IsKnown) && ints.Length > 0 => ints.Max(d => d.Value!.Value),
            "ReduceMin" when ints.All(d => d.IsKnown) && ints.Length > 0 => ints.Min(d => d.Value!.Value),
            _ => Dim.Symbolic(),
        };
        return result.IsKnown || result.Symbol is not null ? ConstantValue.OfIntegers(value.ElementType, shape.ToArray(), [result]) : null;
    }
}
