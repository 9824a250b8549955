using PartitionCompiler.Partitioning.Graph;

namespace PartitionCompiler.Partitioning.Shapes.Rules;

/// <summary><c>Range</c>: 1-D with max(ceil((limit - start) / delta), 0) elements when the three scalars are known
/// (then small results fold); otherwise data-dependent.</summary>
internal sealed class RangeRule : IShapeRule
{
    public IReadOnlyList<string> OpTypes { get; } = ["Range"];

    public void Infer(ShapeContext context)
    {
        var elementType = context.InputElementType(0);
        var start = context.InputValue(0);
        var limit = context.InputValue(1);
        var delta = context.InputValue(2);
        if (start is not { Count: 1 } || limit is not { Count: 1 } || delta is not { Count: 1 }
            || start.RealAt(0) is not double s || limit.RealAt(0) is not double l || delta.RealAt(0) is not double d)
        {
            context.SetOutput(0, elementType, DimMath.Unknown(1));
            context.MarkDataDependent();
            return;
        }

        if (d == 0)
        {
            context.Invalid("delta", "is 0");
            return;
        }

        long count = (long)Math.Max(Math.Ceiling((l - s) / d), 0);
        ConstantValue? value = null;
        if (ConstantValue.IsSmall(count))
        {
            value = start.Integers is not null
                ? ConstantValue.OfIntegers(elementType, [count], Enumerable.Range(0, (int)count).Select(i => (Dim)((long)s + (i * (long)d))).ToArray())
                : ConstantValue.OfReals(elementType, [count], Enumerable.Range(0, (int)count).Select(i => s + (i * d)).ToArray());
        }

        context.SetOutput(0, elementType, TensorShape.Of(count), value);
    }
}
