using PartitionCompiler.Partitioning.Graph;

namespace PartitionCompiler.Partitioning.Shapes.Rules;

/// <summary>
/// Operators whose output has the shape and type of their first input: activations and unary math (Relu, Sigmoid,
/// Clip in both forms...), <c>Identity</c>, and shape-preserving data ops (ScatterND, CumSum, Trilu...).
/// <c>IsNaN</c>/<c>IsInf</c> give bool. Identity, Neg and Abs fold small integer values.
/// </summary>
internal sealed class UnaryElementwiseRule : IShapeRule
{
    private static readonly string[] Ops =
    [
        "Relu", "LeakyRelu", "Sigmoid", "Tanh", "Clip", "Exp", "Log", "Sqrt", "Abs", "Neg", "Erf", "HardSigmoid",
        "HardSwish", "Softplus", "Softsign", "Elu", "Selu", "Celu", "Gelu", "Mish", "ThresholdedRelu", "Shrink",
        "Identity", "Floor", "Ceil", "Round", "Reciprocal", "Sign", "Sin", "Cos", "Tan", "Asin", "Acos", "Atan", "Sinh",
        "Cosh", "Asinh", "Acosh", "Atanh", "Not", "BitwiseNot", "IsNaN", "IsInf", "CumSum", "Trilu", "ReverseSequence",
        "ScatterND", "ScatterElements", "Scatter",
    ];

    public IReadOnlyList<string> OpTypes => Ops;

    public void Infer(ShapeContext context)
    {
        var type = context.InputType(0);
        if (type is null)
        {
            return;
        }

        string op = context.Node.OpType;
        if (op is "IsNaN" or "IsInf")
        {
            context.SetOutput(0, ElementType.Bool, type.Shape);
            return;
        }

        context.SetOutput(0, type, Fold(op, context.InputValue(0)));
    }

    private static ConstantValue? Fold(string op, ConstantValue? value)
    {
        if (value is null)
        {
            return null;
        }

        if (op == "Identity")
        {
            return value;
        }

        if (op is not ("Neg" or "Abs") || value.Integers is null)
        {
            return null;
        }

        var result = value.Integers.Select(d => d.Value is long v ? new Dim(op == "Neg" ? -v : Math.Abs(v)) : Dim.Symbolic()).ToArray();
        return ConstantValue.OfIntegers(value.ElementType, value.Shape, result);
    }
}
