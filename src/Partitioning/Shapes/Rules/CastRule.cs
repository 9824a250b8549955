using PartitionCompiler.Partitioning.Graph;

namespace PartitionCompiler.Partitioning.Shapes.Rules;

/// <summary><c>Cast</c> (element type from <c>to</c>) and <c>CastLike</c> (element type of the second input); the shape is
/// kept, and small values are converted.</summary>
internal sealed class CastRule : IShapeRule
{
    public IReadOnlyList<string> OpTypes { get; } = ["Cast", "CastLike"];

    public void Infer(ShapeContext context)
    {
        var type = context.InputType(0);
        ElementType target;
        if (context.Node.OpType == "CastLike")
        {
            target = context.InputElementType(1);
        }
        else
        {
            var to = context.Attribute("to");
            if (to is null || !Enum.IsDefined((ElementType)to.Int) || to.Int == 0)
            {
                context.Invalid("to", to is null ? "is missing" : $"is {to.Int}, not an ONNX element type");
                return;
            }

            target = (ElementType)to.Int;
        }

        if (type is null || target == ElementType.Undefined)
        {
            return;
        }

        context.SetOutput(0, target, type.Shape, context.InputValue(0)?.CastTo(target));
    }
}
