using PartitionCompiler.Partitioning.Graph;

namespace PartitionCompiler.Partitioning.Shapes.Rules;

/// <summary><c>TopK</c>: values (input type) and int64 indices with dim <c>axis</c> (default -1) set to K (attribute
/// <c>k</c> before opset 10, input from 10).</summary>
internal sealed class TopKRule : IShapeRule
{
    public IReadOnlyList<string> OpTypes { get; } = ["TopK"];

    public void Infer(ShapeContext context)
    {
        var type = context.InputType(0);
        if (type?.Shape is not { } x)
        {
            return;
        }

        long axisAttribute = context.Int("axis", -1);
        if (!DimMath.TryNormalizeAxis(axisAttribute, x.Rank, out int axis))
        {
            context.Invalid("axis", $"is {axisAttribute}, outside [-{x.Rank}, {x.Rank - 1}] for input {x}");
            return;
        }

        Dim k = context.Attribute("k") is { } attribute ? attribute.Int
            : context.InputValue(1) is { Count: 1 } value ? value.IntegerAt(0)
            : Dim.Symbolic();
        if (!k.IsKnown && k.Symbol is null)
        {
            context.MarkDataDependent();
        }
        else if (k.Value is long kv && x[axis].Value is long n && (kv < 0 || kv > n))
        {
            context.Mismatch($"K = {kv} is outside [0, {n}] for dim {axis} of {x}");
            return;
        }

        var shape = DimMath.Shape(x.Dims.Select((d, i) => i == axis ? k : d));
        context.SetOutput(0, type.ElementType, shape);
        context.SetOutput(1, ElementType.Int64, shape);
    }
}
