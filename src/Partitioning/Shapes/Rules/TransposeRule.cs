using PartitionCompiler.Partitioning.Graph;

namespace PartitionCompiler.Partitioning.Shapes.Rules;

/// <summary><c>Transpose</c>: dims reordered by <c>perm</c> (default: reversed), which must be a permutation.</summary>
internal sealed class TransposeRule : IShapeRule
{
    public IReadOnlyList<string> OpTypes { get; } = ["Transpose"];

    public void Infer(ShapeContext context)
    {
        var type = context.InputType(0);
        if (type?.Shape is not { } x)
        {
            return;
        }

        long[] perm = context.Ints("perm") ?? Enumerable.Range(0, x.Rank).Reverse().Select(i => (long)i).ToArray();
        if (perm.Length != x.Rank || perm.Order().Select((p, i) => p == i).Any(ok => !ok))
        {
            context.Invalid("perm", $"is [{string.Join(",", perm)}], not a permutation of the {x.Rank} axes of {x}");
            return;
        }

        var value = context.InputValue(0);
        context.SetOutput(0, type.ElementType, DimMath.Shape(perm.Select(p => x[(int)p])), x.Rank <= 1 ? value : null);
    }
}
