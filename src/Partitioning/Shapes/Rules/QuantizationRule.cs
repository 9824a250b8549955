using PartitionCompiler.Partitioning.Graph;

namespace PartitionCompiler.Partitioning.Shapes.Rules;

/// <summary>
/// <c>QuantizeLinear</c> (the input's shape; type of the zero point, or <c>output_dtype</c>, uint8 by default),
/// <c>DequantizeLinear</c> (the input's shape; type of the scale, or <c>output_dtype</c>) and
/// <c>DynamicQuantizeLinear</c> (uint8 of the input's shape, float32 scale and uint8 zero point scalars).
/// </summary>
internal sealed class QuantizationRule : IShapeRule
{
    public IReadOnlyList<string> OpTypes { get; } = ["QuantizeLinear", "DequantizeLinear", "DynamicQuantizeLinear"];

    public void Infer(ShapeContext context)
    {
        var shape = context.InputShape(0);
        if (context.InputType(0) is null)
        {
            return;
        }

        long outputType = context.Int("output_dtype", 0);
        switch (context.Node.OpType)
        {
            case "QuantizeLinear":
                var quantized = outputType != 0 ? (ElementType)outputType
                    : context.HasInput(2) ? context.InputElementType(2)
                    : ElementType.UInt8;
                context.SetOutput(0, quantized, shape);
                break;
            case "DequantizeLinear":
                var real = outputType != 0 ? (ElementType)outputType : context.InputElementType(1);
                context.SetOutput(0, real == ElementType.Undefined ? ElementType.Float32 : real, shape);
                break;
            default:
                context.SetOutput(0, ElementType.UInt8, shape);
                context.SetOutput(1, ElementType.Float32, TensorShape.Scalar);
                context.SetOutput(2, ElementType.UInt8, TensorShape.Scalar);
                break;
        }
    }
}
