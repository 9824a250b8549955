using PartitionCompiler.Partitioning.Graph;

namespace PartitionCompiler.Partitioning.Shapes.Rules;

/// <summary>
/// <c>Constant</c> (from <c>value</c>, <c>value_float(s)</c>, <c>value_int(s)</c>, <c>value_string(s)</c>) and
/// <c>ConstantOfShape</c> (the shape is the input's values, the element type the <c>value</c> attribute's, float32 by
/// default). Small results keep their values.
/// </summary>
internal sealed class ConstantRule : IShapeRule
{
    public IReadOnlyList<string> OpTypes { get; } = ["Constant", "ConstantOfShape"];

    public void Infer(ShapeContext context)
    {
        if (context.Node.OpType == "Constant")
        {
            InferConstant(context);
            return;
        }

        var fill = context.Attribute("value")?.Tensor;
        var elementType = fill?.ElementType ?? ElementType.Float32;
        var shapeValue = context.InputValue(0);
        if (shapeValue?.Integers is not { } dims)
        {
            if (context.InputShape(0) is { Rank: 1 } s && s[0].Value is long rank)
            {
                context.SetOutput(0, elementType, DimMath.Unknown((int)rank));
            }

            context.MarkDataDependent();
            return;
        }

        if (dims.Any(d => d.Value < 0))
        {
            context.Invalid("input", $"[{string.Join(",", dims)}] holds a negative size");
            return;
        }

        var shape = DimMath.Shape(dims);
        ConstantValue? value = null;
        if (DimMath.ElementCount(shape) is long count && ConstantValue.IsSmall(count))
        {
            var fillValue = fill is null ? null : ConstantValue.FromTensor(fill);
            long[] shapeArray = shape.ToArray();
            value = elementType.IsFloatingPoint()
                ? ConstantValue.OfReals(elementType, shapeArray, Enumerable.Repeat(fillValue?.RealAt(0) ?? 0.0, (int)count).ToArray())
                : ConstantValue.OfIntegers(elementType, shapeArray, Enumerable.Repeat(fillValue?.IntegerAt(0) ?? 0, (int)count).ToArray());
        }

        context.SetOutput(0, elementType, shape, value);
    }

    private static void InferConstant(ShapeContext context)
    {
        foreach (var attribute in context.Node.Attributes)
        {
            switch (attribute.Name)
            {
                case "value" or "sparse_value" when attribute.Tensor is { } tensor:
                    var value = ConstantValue.FromTensor(tensor);
                    context.SetOutput(0, tensor.ElementType, TensorShape.Of([.. tensor.Dims]), value);
                    return;
                case "value_float":
                    context.SetOutputValue(0, ConstantValue.OfReals(ElementType.Float32, [], [attribute.Float]));
                    return;
                case "value_floats":
                    context.SetOutputValue(0, ConstantValue.OfReals(ElementType.Float32, [attribute.Floats.Count], [.. attribute.Floats]));
                    return;
                case "value_int":
                    context.SetOutputValue(0, ConstantValue.OfIntegers(ElementType.Int64, [], [attribute.Int]));
                    return;
                case "value_ints":
                    context.SetOutputValue(0, ConstantValue.OfIntegers(ElementType.Int64, [attribute.Ints.Count], attribute.Ints.Select(v => (Dim)v).ToArray()));
                    return;
                case "value_string":
                    context.SetOutput(0, ElementType.String, TensorShape.Scalar);
                    return;
                case "value_strings":
                    context.SetOutput(0, ElementType.String, TensorShape.Of(attribute.Strings.Count));
                    return;
            }
        }

        context.Invalid("value", "is missing; a Constant needs one of value, value_float(s), value_int(s), value_string(s)");
    }
}
