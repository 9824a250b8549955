using PartitionCompiler.Partitioning.Graph;

namespace PartitionCompiler.Partitioning.Shapes.Rules;

/// <summary>
/// Element-wise operators with multidirectional (numpy) broadcasting: arithmetic (Add, Sub, Mul, Div, Pow, Mod),
/// variadic (Sum, Mean, Max, Min), comparisons and logic (bool results), <c>PRelu</c> and <c>Where</c>. Before opset 7
/// the legacy <c>broadcast</c>/<c>axis</c> form gives the first input's shape. Small integer values fold (shape
/// arithmetic such as <c>Shape -> Gather -> Mul</c>); small real values fold for the basic arithmetic.
/// </summary>
internal sealed class BroadcastRule : IShapeRule
{
    private static readonly HashSet<string> BoolResults = new(StringComparer.Ordinal)
    {
        "Equal", "Less", "Greater", "LessOrEqual", "GreaterOrEqual", "And", "Or", "Xor",
    };

    public IReadOnlyList<string> OpTypes { get; } =
    [
        "Add", "Sub", "Mul", "Div", "Pow", "Mod", "Sum", "Mean", "Max", "Min", "Equal", "Less", "Greater", "LessOrEqual",
        "GreaterOrEqual", "And", "Or", "Xor", "BitShift", "BitwiseAnd", "BitwiseOr", "BitwiseXor", "PRelu", "Where",
    ];

    public void Infer(ShapeContext context)
    {
        string op = context.Node.OpType;
        var inputs = Enumerable.Range(0, context.InputCount).Where(context.HasInput).ToArray();
        if (inputs.Length == 0)
        {
            context.Invalid("inputs", "are missing");
            return;
        }

        var elementType = BoolResults.Contains(op) ? ElementType.Bool
            : op == "Where" ? context.InputElementType(1)
            : context.InputElementType(inputs[0]);
        if (op is not ("Pow" or "Where" or "BitShift") && !SameElementTypes(context, inputs))
        {
            return;
        }

        if (context.Opset is > 0 and < 7 && context.Int("broadcast", 0) != 0)
        {
            context.SetOutput(0, elementType, context.InputShape(0));
            return;
        }

        var shapes = new List<TensorShape>();
        foreach (int input in inputs)
        {
            if (context.InputShape(input) is not { } shape)
            {
                context.SetOutput(0, elementType, null);
                return;
            }

            shapes.Add(shape);
        }

        var output = DimMath.Broadcast(shapes, out string? error);
        if (output is null)
        {
            context.Mismatch(error!);
            return;
        }

        context.SetOutput(0, elementType, output, Fold(context, op, inputs, elementType));
    }

    private static bool SameElementTypes(ShapeContext context, int[] inputs)
    {
        var known = inputs.Select(context.InputElementType).Where(t => t != ElementType.Undefined).Distinct().ToArray();
        if (known.Length > 1)
        {
            context.Mismatch($"inputs have different element types ({string.Join(", ", known.Select(t => t.NumpyName()))})");
            return false;
        }

        return true;
    }

    private static ConstantValue? Fold(ShapeContext context, string op, int[] inputs, ElementType elementType)
    {
        var values = inputs.Select(context.InputValue).ToArray();
        if (values.Any(v => v is null) || !ValueBroadcast.TryCreate(values.Select(v => v!.Shape).ToArray(), out var plan))
        {
            return null;
        }

        bool integers = values.All(v => v!.Integers is not null);
        if (integers && IntegerOp(op) is { } intOp)
        {
            var result = new Dim[plan.Count];
            for (int i = 0; i < result.Length; i++)
            {
                var args = new Dim[values.Length];
                for (int j = 0; j < args.Length; j++)
                {
                    args[j] = values[j]!.Integers![plan.SourceIndex(j, i)];
                }

                result[i] = intOp(args);
            }

            return ConstantValue.OfIntegers(elementType, plan.Shape, result);
        }

        if (!integers && values.All(v => v!.Reals is not null) && RealOp(op) is { } realOp)
        {
            var result = new double[plan.Count];
            for (int i = 0; i < result.Length; i++)
            {
                var args = new double[values.Length];
                for (int j = 0; j < args.Length; j++)
                {
                    args[j] = values[j]!.Reals![plan.SourceIndex(j, i)];
                }

                result[i] = realOp(args);
            }

            return ConstantValue.OfReals(elementType, plan.Shape, result);
        }

        return null;
    }

    private static Func<Dim[], Dim>? IntegerOp(string op) => op switch
    {
        "Add" or "Sum" => a => a.Aggregate(DimMath.Add),
        "Mul" => a => a.Aggregate(DimMath.Multiply),
        "Sub" => a => a[1].Value == 0 ? a[0] : Known(a, v => v[0] - v[1]),
        "Div" => a => a[1].Value == 1 ? a[0] : Known(a, v => v[1] == 0 ? null : v[0] / v[1]),
        "Mod" => a => Known(a, v => v[1] == 0 ? null : v[0] % v[1]),
        "Max" => a => Known(a, v => v.Max()),
        "Min" => a => Known(a, v => v.Min()),
        "Equal" => a => DimMath.SameSize(a[0], a[1]) ? 1 : Known(a, v => v[0] == v[1] ? 1 : 0),
        "Less" => a => Known(a, v => v[0] < v[1] ? 1 : 0),
        "Greater" => a => Known(a, v => v[0] > v[1] ? 1 : 0),
        "LessOrEqual" => a => Known(a, v => v[0] <= v[1] ? 1 : 0),
        "GreaterOrEqual" => a => Known(a, v => v[0] >= v[1] ? 1 : 0),
        "And" => a => Known(a, v => v[0] != 0 && v[1] != 0 ? 1 : 0),
        "Or" => a => Known(a, v => v[0] != 0 || v[1] != 0 ? 1 : 0),
        "Not" => a => Known(a, v => v[0] == 0 ? 1 : 0),
        "Where" => a => a[0].Value is long c ? (c != 0 ? a[1] : a[2]) : Dim.Symbolic(),
        _ => null,
    };

    private static Func<double[], double>? RealOp(string op) => op switch
    {
        "Add" or "Sum" => a => a.Sum(),
        "Mul" => a => a.Aggregate(1.0, (x, y) => x * y),
        "Sub" => a => a[0] - a[1],
        "Div" => a => a[0] / a[1],
        "Max" => a => a.Max(),
        "Min" => a => a.Min(),
        _ => null,
    };

    private static Dim Known(Dim[] args, Func<long[], long?> op)
    {
        var values = new long[args.Length];
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i].Value is not long v)
            {
                return Dim.Symbolic();
            }

            values[i] = v;
        }

        return op(values) is long result ? result : Dim.Symbolic();
    }
}
