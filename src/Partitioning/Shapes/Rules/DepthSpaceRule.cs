using PartitionCompiler.Partitioning.Graph;

namespace PartitionCompiler.Partitioning.Shapes.Rules;

/// <summary><c>DepthToSpace</c> ([N, C, H, W] -> [N, C/b², H·b, W·b]) and <c>SpaceToDepth</c> (the inverse).</summary>
internal sealed class DepthSpaceRule : IShapeRule
{
    public IReadOnlyList<string> OpTypes { get; } = ["DepthToSpace", "SpaceToDepth"];

    public void Infer(ShapeContext context)
    {
        var type = context.InputType(0);
        if (type?.Shape is not { } x)
        {
            return;
        }

        long block = context.Int("blocksize", 0);
        if (block < 1)
        {
            context.Invalid("blocksize", $"is {block}; it must be at least 1");
            return;
        }

        if (x.Rank != 4)
        {
            context.Mismatch($"input has shape {x}; expected [N, C, H, W]");
            return;
        }

        bool toSpace = context.Node.OpType == "DepthToSpace";
        long square = block * block;
        if (toSpace && x[1].Value is long c && c % square != 0)
        {
            context.Mismatch($"{c} channels are not divisible by blocksize² = {square}");
            return;
        }

        if (!toSpace && ((x[2].Value is long h && h % block != 0) || (x[3].Value is long w && w % block != 0)))
        {
            context.Mismatch($"spatial dims of {x} are not divisible by blocksize {block}");
            return;
        }

        Dim Scale(Dim d, bool up) => d.Value is long v ? (up ? v * block : v / block) : Dim.Symbolic();
        Dim Channels(Dim d) => d.Value is long v ? (toSpace ? v / square : v * square) : Dim.Symbolic();
        context.SetOutput(0, type.ElementType, DimMath.Shape(x[0], Channels(x[1]), Scale(x[2], toSpace), Scale(x[3], toSpace)));
    }
}
