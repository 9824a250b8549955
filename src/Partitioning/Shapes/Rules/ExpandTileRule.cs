using PartitionCompiler.Partitioning.Graph;

namespace PartitionCompiler.Partitioning.Shapes.Rules;

/// <summary><c>Expand</c> (the input broadcast with the target shape's values) and <c>Tile</c> (each dim times its
/// repeat). Unknown shape or repeat values make the output data-dependent.</summary>
internal sealed class ExpandTileRule : IShapeRule
{
    public IReadOnlyList<string> OpTypes { get; } = ["Expand", "Tile"];

    public void Infer(ShapeContext context)
    {
        var type = context.InputType(0);
        if (type?.Shape is not { } x)
        {
            return;
        }

        var argument = context.InputValue(1)?.Integers;
        if (argument is null)
        {
            int? rank = context.InputShape(1) is { Rank: 1 } s && s[0].Value is long r ? (int)r : null;
            if (rank is int known)
            {
                context.SetOutput(0, type.ElementType, DimMath.Unknown(context.Node.OpType == "Tile" ? x.Rank : Math.Max(x.Rank, known)));
            }

            context.MarkDataDependent();
            return;
        }

        if (context.Node.OpType == "Expand")
        {
            var output = DimMath.Broadcast([x, DimMath.Shape(argument)], out string? error);
            if (output is null)
            {
                context.Mismatch(error!);
                return;
            }

            context.SetOutput(0, type.ElementType, output);
            return;
        }

        if (argument.Length != x.Rank)
        {
            context.Invalid("repeats", $"has {argument.Length} values for input {x} of rank {x.Rank}");
            return;
        }

        context.SetOutput(0, type.ElementType, DimMath.Shape(x.Dims.Select((d, i) => DimMath.Multiply(d, argument[i]))));
    }
}
