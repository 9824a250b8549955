using PartitionCompiler.Partitioning.Graph;

namespace PartitionCompiler.Partitioning.Shapes.Rules;

/// <summary>
/// <c>Reshape</c> (target from the second input, or the <c>shape</c> attribute before opset 5; 0 copies the input dim
/// unless <c>allowzero</c>; one -1 takes the remaining size, also across a symbolic batch dim that appears on both
/// sides) and <c>Flatten</c> (2-D: the product of the dims before <c>axis</c>, then of the rest). Values fold.
/// </summary>
internal sealed class ReshapeRule : IShapeRule
{
    public IReadOnlyList<string> OpTypes { get; } = ["Reshape", "Flatten"];

    public void Infer(ShapeContext context)
    {
        var type = context.InputType(0);
        if (type is null)
        {
            return;
        }

        if (context.Node.OpType == "Flatten")
        {
            InferFlatten(context, type);
            return;
        }

        Dim[]? target = context.Ints("shape")?.Select(v => (Dim)v).ToArray() ?? context.InputValue(1)?.Integers;
        if (target is null)
        {
            if (context.InputShape(1) is { Rank: 1 } shapeShape && shapeShape[0].Value is long rank)
            {
                context.SetOutput(0, type.ElementType, DimMath.Unknown((int)rank));
            }

            context.MarkDataDependent();
            return;
        }

        bool allowZero = context.Int("allowzero", 0) != 0;
        var x = type.Shape;
        var output = new Dim[target.Length];
        int inferred = -1;
        for (int i = 0; i < target.Length; i++)
        {
            var t = target[i];
            if (t.Value == -1)
            {
                if (inferred >= 0)
                {
                    context.Invalid("shape", $"[{string.Join(",", target)}] holds -1 more than once");
                    return;
                }

                inferred = i;
            }
            else if (t.Value == 0 && !allowZero)
            {
                if (x is not null && i >= x.Rank)
                {
                    context.Invalid("shape", $"[{string.Join(",", target)}] copies dim {i} (0), but the input {x} has rank {x.Rank}");
                    return;
                }

                output[i] = x?[i] ?? Dim.Symbolic();
            }
            else if (t.Value < -1)
            {
                context.Invalid("shape", $"[{string.Join(",", target)}] holds {t.Value}; only -1, 0 and positive sizes are allowed");
                return;
            }
            else
            {
                output[i] = t;
            }
        }

        if (inferred >= 0)
        {
            output[inferred] = x is null ? Dim.Symbolic() : Remaining(x.Dims, output.Where((_, i) => i != inferred));
        }

        if (x is not null && DimMath.ElementCount(x) is long before && DimMath.Product(output).Value is long after && before != after)
        {
            context.Mismatch($"cannot reshape {x} ({before} elements) to [{string.Join(",", output.Select(d => d.ToString()))}] ({after} elements)");
            return;
        }

        var shape = DimMath.Shape(output);
        var value = context.InputValue(0);
        context.SetOutput(0, type.ElementType, shape, value is not null && shape.IsFullyKnown ? value.WithShape(shape.ToArray()) : null);
    }

    /// <summary>The size that makes <paramref name="others"/> hold as many elements as <paramref name="input"/>; symbolic
    /// dims cancel when the same symbol appears on both sides.</summary>
    private static Dim Remaining(IEnumerable<Dim> input, IEnumerable<Dim> others)
    {
        long inputKnown = 1;
        long othersKnown = 1;
        var symbols = new List<string?>();
        foreach (var d in input)
        {
            if (d.Value is long v)
            {
                inputKnown *= v;
            }
            else
            {
                symbols.Add(d.Symbol);
            }
        }

        foreach (var d in others)
        {
            if (d.Value is long v)
            {
                othersKnown *= v;
            }
            else if (d.Symbol is null || !symbols.Remove(d.Symbol))
            {
                return Dim.Symbolic();
            }
        }

        if (symbols.Count > 0)
        {
            return symbols.Count == 1 && othersKnown != 0 && inputKnown == othersKnown ? Dim.Symbolic(symbols[0]) : Dim.Symbolic();
        }

        return othersKnown == 0 || inputKnown % othersKnown != 0 ? Dim.Symbolic() : inputKnown / othersKnown;
    }

    private static void InferFlatten(ShapeContext context, TensorType type)
    {
        if (type.Shape is not { } x)
        {
            context.SetOutput(0, type.ElementType, DimMath.Unknown(2));
            return;
        }

        long axis = context.Int("axis", 1);
        if (axis < -x.Rank || axis > x.Rank)
        {
            context.Invalid("axis", $"is {axis}, outside [-{x.Rank}, {x.Rank}] for input {x}");
            return;
        }

        int split = (int)(axis < 0 ? axis + x.Rank : axis);
        var shape = DimMath.Shape(DimMath.Product(x.Dims.Take(split)), DimMath.Product(x.Dims.Skip(split)));
        var value = context.InputValue(0);
        context.SetOutput(0, type.ElementType, shape, value is not null && shape.IsFullyKnown ? value.WithShape(shape.ToArray()) : null);
    }
}
