using PartitionCompiler.Partitioning.Graph;

namespace PartitionCompiler.Partitioning.Shapes.Rules;

/// <summary>
/// Normalisations whose main output has the input's shape: <c>BatchNormalization</c> (its per-channel statistics must
/// match the channel dim; optional training outputs are [C]), <c>InstanceNormalization</c>, <c>LRN</c>,
/// <c>LayerNormalization</c> (optional Mean/InvStdDev outputs keep the leading dims and set the normalised ones to 1),
/// <c>GroupNormalization</c>, <c>LpNormalization</c>, <c>MeanVarianceNormalization</c>.
/// </summary>
internal sealed class NormalizationRule : IShapeRule
{
    public IReadOnlyList<string> OpTypes { get; } =
    [
        "BatchNormalization", "InstanceNormalization", "LRN", "LayerNormalization", "GroupNormalization",
        "LpNormalization", "MeanVarianceNormalization", "RMSNormalization", "ImageScaler",
    ];

    public void Infer(ShapeContext context)
    {
        var type = context.InputType(0);
        if (type is null)
        {
            return;
        }

        var x = type.Shape;
        switch (context.Node.OpType)
        {
            case "BatchNormalization":
                if (!CheckChannelVectors(context, x, 1, 4))
                {
                    return;
                }

                context.SetOutput(0, type);
                var channels = DimMath.Shape(x is { Rank: >= 2 } ? x[1] : Dim.Symbolic());
                for (int i = 1; i < context.OutputCount; i++)
                {
                    context.SetOutput(i, type.ElementType, channels);
                }

                return;
            case "InstanceNormalization":
                if (CheckChannelVectors(context, x, 1, 2))
                {
                    context.SetOutput(0, type);
                }

                return;
            case "LayerNormalization" or "RMSNormalization":
                InferLayerNormalization(context, type);
                return;
            default:
                context.SetOutput(0, type);
                return;
        }
    }

    /// <summary>Inputs first..last must be 1-D of the channel count.</summary>
    private static bool CheckChannelVectors(ShapeContext context, TensorShape? x, int first, int last)
    {
        if (x is null || x.Rank < 2)
        {
            if (x is not null)
            {
                context.Mismatch($"input X has shape {x}; it needs a channel dim (rank 2 or more)");
                return false;
            }

            return true;
        }

        for (int i = first; i <= last; i++)
        {
            if (context.InputShape(i) is { } vector && (vector.Rank != 1 || !DimMath.Compatible(vector[0], x[1])))
            {
                context.Mismatch($"input {i} ('{context.Node.Inputs[i]}') has shape {vector}, but X {x} has {x[1]} channels");
                return false;
            }
        }

        return true;
    }

    private static void InferLayerNormalization(ShapeContext context, TensorType type)
    {
        context.SetOutput(0, type);
        if (type.Shape is not { } x)
        {
            return;
        }

        long axisAttribute = context.Int("axis", -1);
        if (!DimMath.TryNormalizeAxis(axisAttribute, x.Rank, out int axis))
        {
            context.Invalid("axis", $"is {axisAttribute}, outside [-{x.Rank}, {x.Rank - 1}] for input {x}");
            return;
        }

        var statistics = DimMath.Shape(x.Dims.Select((d, i) => i < axis ? d : (Dim)1));
        var stashType = (ElementType)context.Int("stash_type", (long)ElementType.Float32);
        context.SetOutput(1, stashType, statistics);
        context.SetOutput(2, stashType, statistics);
    }
}
