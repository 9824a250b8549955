using PartitionCompiler.Partitioning.Graph;

namespace PartitionCompiler.Partitioning.Shapes.Rules;

/// <summary><c>Shape</c> (int64 [rank], or the <c>start</c>..<c>end</c> part from opset 15) and <c>Size</c> (int64
/// scalar). Both fold to values, symbolic dims included, so that shape computations downstream resolve.</summary>
internal sealed class ShapeOfRule : IShapeRule
{
    public IReadOnlyList<string> OpTypes { get; } = ["Shape", "Size"];

    public void Infer(ShapeContext context)
    {
        var x = context.InputShape(0);
        if (context.Node.OpType == "Size")
        {
            var count = x is null ? Dim.Symbolic() : DimMath.Product(x.Dims);
            context.SetOutput(0, ElementType.Int64, TensorShape.Scalar, x is null ? null : ConstantValue.OfIntegers(ElementType.Int64, [], [count]));
            return;
        }

        if (x is null)
        {
            context.SetOutput(0, ElementType.Int64, DimMath.Unknown(1));
            return;
        }

        long start = Clamp(context.Int("start", 0), x.Rank);
        long end = Clamp(context.Int("end", x.Rank), x.Rank);
        var dims = x.Dims.Skip((int)start).Take((int)Math.Max(0, end - start)).ToArray();
        context.SetOutputValue(0, ConstantValue.OfDims(dims));
    }

    private static long Clamp(long index, int rank) => Math.Clamp(index < 0 ? index + rank : index, 0, rank);
}
