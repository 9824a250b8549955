namespace PartitionCompiler.Partitioning.Shapes.Rules;

/// <summary><c>Softmax</c>, <c>LogSoftmax</c>, <c>Hardmax</c>: the input's shape; <c>axis</c> (default 1 before opset 13,
/// -1 from 13) must be in range.</summary>
internal sealed class SoftmaxRule : IShapeRule
{
    public IReadOnlyList<string> OpTypes { get; } = ["Softmax", "LogSoftmax", "Hardmax"];

    public void Infer(ShapeContext context)
    {
        var type = context.InputType(0);
        if (type is null)
        {
            return;
        }

        long axis = context.Int("axis", context.Opset is > 0 and < 13 ? 1 : -1);
        if (type.Shape is { } x && x.Rank > 0 && !DimMath.TryNormalizeAxis(axis, x.Rank, out _))
        {
            context.Invalid("axis", $"is {axis}, outside [-{x.Rank}, {x.Rank - 1}] for input {x}");
            return;
        }

        context.SetOutput(0, type);
    }
}
