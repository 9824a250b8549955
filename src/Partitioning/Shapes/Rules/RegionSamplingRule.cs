using PartitionCompiler.Partitioning.Graph;

namespace PartitionCompiler.Partitioning.Shapes.Rules;

/// <summary>
/// Sampling of regions: <c>GridSample</c> ([N, C] of the input, spatial dims of the grid [N, H_out, W_out, 2]),
/// <c>RoiAlign</c> and <c>MaxRoiPool</c> ([number of rois, C, output height, output width]).
/// </summary>
internal sealed class RegionSamplingRule : IShapeRule
{
    public IReadOnlyList<string> OpTypes { get; } = ["GridSample", "RoiAlign", "MaxRoiPool"];

    public void Infer(ShapeContext context)
    {
        var x = context.InputShape(0);
        var second = context.InputShape(1);
        var elementType = context.InputElementType(0);
        if (x is null || second is null)
        {
            return;
        }

        if (x.Rank < 3)
        {
            context.Mismatch($"input has shape {x}; expected [N, C, spatial...]");
            return;
        }

        if (context.Node.OpType != "GridSample" && second.Rank != 2)
        {
            context.Mismatch($"rois {second} must be 2-D [number of rois, 4 or 5]");
            return;
        }

        switch (context.Node.OpType)
        {
            case "GridSample":
                if (second.Rank != x.Rank)
                {
                    context.Mismatch($"grid {second} must have the input's rank {x.Rank} ([N, spatial..., {x.Rank - 2}])");
                    return;
                }

                context.SetOutput(0, elementType, DimMath.Shape(new[] { x[0], x[1] }.Concat(second.Dims.Skip(1).Take(x.Rank - 2))));
                return;
            case "RoiAlign":
                context.SetOutput(0, elementType, DimMath.Shape(second[0], x[1], context.Int("output_height", 1), context.Int("output_width", 1)));
                return;
            default:
                long[] pooled = context.Ints("pooled_shape") ?? [];
                if (pooled.Length != 2)
                {
                    context.Invalid("pooled_shape", "must hold two sizes");
                    return;
                }

                context.SetOutput(0, elementType, DimMath.Shape(second[0], x[1], pooled[0], pooled[1]));
                return;
        }
    }
}
