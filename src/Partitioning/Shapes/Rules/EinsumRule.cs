using PartitionCompiler.Partitioning.Graph;

namespace PartitionCompiler.Partitioning.Shapes.Rules;

/// <summary>
/// <c>Einsum</c> (numpy semantics): every letter has one size across the inputs, <c>...</c> dims broadcast; the output
/// is the explicit right-hand side, or (implicit form) the broadcast <c>...</c> dims followed by the letters that occur
/// once, in alphabetical order.
/// </summary>
internal sealed class EinsumRule : IShapeRule
{
    public IReadOnlyList<string> OpTypes { get; } = ["Einsum"];

    public void Infer(ShapeContext context)
    {
        var shapes = new List<TensorShape>();
        for (int i = 0; i < context.InputCount; i++)
        {
            if (context.InputShape(i) is not { } shape)
            {
                return;
            }

            shapes.Add(shape);
        }

        var resolved = EinsumEquation.Resolve(context.String("equation", ""), shapes, out string? error);
        if (resolved is null)
        {
            context.Invalid("equation", error!);
            return;
        }

        context.SetOutput(0, context.InputElementType(0), resolved.Output);
    }
}
