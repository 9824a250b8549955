using PartitionCompiler.Partitioning.Graph;

namespace PartitionCompiler.Partitioning.Shapes.Rules;

/// <summary><c>Dropout</c>: the output is the input; the optional mask has its shape, typed like the input before opset 10
/// and bool from opset 10 on. The ratio (attribute or input) does not change shapes.</summary>
internal sealed class DropoutRule : IShapeRule
{
    public IReadOnlyList<string> OpTypes { get; } = ["Dropout"];

    public void Infer(ShapeContext context)
    {
        var type = context.InputType(0);
        if (type is null)
        {
            return;
        }

        context.SetOutput(0, type, context.InputValue(0));
        var maskType = context.Opset is > 0 and < 10 ? type.ElementType : ElementType.Bool;
        context.SetOutput(1, maskType, type.Shape);
    }
}
