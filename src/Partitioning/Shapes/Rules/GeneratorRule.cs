using PartitionCompiler.Partitioning.Graph;

namespace PartitionCompiler.Partitioning.Shapes.Rules;

/// <summary>
/// Tensors generated from a shape: <c>RandomNormal</c>/<c>RandomUniform</c> (the <c>shape</c> attribute),
/// <c>RandomNormalLike</c>/<c>RandomUniformLike</c>/<c>Bernoulli</c>/<c>EyeLike</c> (the input's shape). The element
/// type is <c>dtype</c> when given, else float32 (or the input's type for the "like" forms).
/// </summary>
internal sealed class GeneratorRule : IShapeRule
{
    public IReadOnlyList<string> OpTypes { get; } =
        ["RandomNormal", "RandomUniform", "RandomNormalLike", "RandomUniformLike", "Bernoulli", "EyeLike"];

    public void Infer(ShapeContext context)
    {
        long dtype = context.Int("dtype", 0);
        if (context.Node.OpType is "RandomNormal" or "RandomUniform")
        {
            long[]? shape = context.Ints("shape");
            if (shape is null || shape.Any(d => d < 0))
            {
                context.Invalid("shape", shape is null ? "is missing" : $"[{string.Join(",", shape)}] holds a negative size");
                return;
            }

            context.SetOutput(0, dtype != 0 ? (ElementType)dtype : ElementType.Float32, TensorShape.Of(shape));
            return;
        }

        var type = context.InputType(0);
        if (type is null)
        {
            return;
        }

        if (context.Node.OpType == "EyeLike" && type.Shape is { Rank: not 2 } s)
        {
            context.Mismatch($"input has shape {s}; EyeLike needs a 2-D input");
            return;
        }

        context.SetOutput(0, dtype != 0 ? (ElementType)dtype : type.ElementType, type.Shape);
    }
}
