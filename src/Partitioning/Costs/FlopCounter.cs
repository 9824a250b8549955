using System.Collections.Frozen;
using PartitionCompiler.Partitioning.Graph;
using PartitionCompiler.Partitioning.Shapes;
using PartitionCompiler.Partitioning.Shapes.Rules;

namespace PartitionCompiler.Partitioning.Costs;

/// <summary>FLOPs of one node by the convention in <see cref="CostModel"/>; 0 where a shape it needs is unknown.</summary>
internal static class FlopCounter
{
    private static readonly FrozenSet<string> OnePerOutputElement = new[]
    {
        "Relu", "LeakyRelu", "Sigmoid", "Tanh", "Clip", "Exp", "Log", "Sqrt", "Abs", "Neg", "Erf", "HardSigmoid", "HardSwish",
        "Softplus", "Softsign", "Elu", "Selu", "Celu", "Gelu", "Mish", "ThresholdedRelu", "Shrink", "Floor", "Ceil", "Round",
        "Reciprocal", "Sign", "Sin", "Cos", "Tan", "Asin", "Acos", "Atan", "Sinh", "Cosh", "Asinh", "Acosh", "Atanh", "Not",
        "BitwiseNot", "IsNaN", "IsInf", "CumSum", "Add", "Sub", "Mul", "Div", "Pow", "Mod", "Equal", "Less", "Greater",
        "LessOrEqual", "GreaterOrEqual", "And", "Or", "Xor", "BitShift", "BitwiseAnd", "BitwiseOr", "BitwiseXor", "PRelu",
        "Where", "BatchNormalization", "Hardmax", "QuantizeLinear", "DequantizeLinear", "DynamicQuantizeLinear",
        "GridSample", "RoiAlign", "MaxRoiPool", "ImageScaler",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> Variadic = new[] { "Sum", "Mean", "Max", "Min" }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> FivePerElement = new[]
    {
        "Softmax", "LogSoftmax", "LayerNormalization", "InstanceNormalization", "GroupNormalization",
        "MeanVarianceNormalization", "LpNormalization", "RMSNormalization",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> OnePerInputElement = new[]
    {
        "ReduceMean", "ReduceSum", "ReduceMax", "ReduceMin", "ReduceProd", "ReduceL1", "ReduceL2", "ReduceLogSum",
        "ReduceLogSumExp", "ReduceSumSquare", "ArgMax", "ArgMin", "TopK",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static double Count(GraphNode node, InferredTypes types)
    {
        var spec = node.Spec;
        if (node.IsWeight || (spec.Domain.Length != 0 && spec.Domain != "ai.onnx"))
        {
            return 0;
        }

        string op = spec.OpType;
        double? output = Elements(types, spec.Outputs.Count > 0 ? spec.Outputs[0] : null);
        double? input = Elements(types, spec.Inputs.Count > 0 ? spec.Inputs[0] : null);
        double? result = op switch
        {
            "Conv" or "ConvInteger" => output * 2 * WeightWindow(types, spec, 1),
            "QLinearConv" => output * 2 * WeightWindow(types, spec, 3),
            "ConvTranspose" => input * 2 * WeightWindow(types, spec, 1),
            "Gemm" => output * 2 * GemmInner(types, spec),
            "MatMul" or "MatMulInteger" or "QLinearMatMul" => output * 2 * LastDim(types, spec.Inputs.FirstOrDefault("")),
            "Einsum" => Einsum(types, spec),
            "MaxPool" or "AveragePool" or "LpPool" => output * KernelSize(spec),
            "GlobalAveragePool" or "GlobalMaxPool" or "GlobalLpPool" => output * SpatialSize(types, spec.Inputs.FirstOrDefault("")),
            "LRN" => output * ((2 * spec.Attribute("size")?.Int ?? 0) + 3),
            "Resize" or "Upsample" => (spec.Attribute("mode")?.String ?? "nearest") == "nearest" ? 0 : output,
            _ when OnePerOutputElement.Contains(op) => output,
            _ when Variadic.Contains(op) => output * Math.Max(1, spec.Inputs.Count(i => i.Length > 0) - 1),
            _ when FivePerElement.Contains(op) => output * 5,
            _ when OnePerInputElement.Contains(op) => input,
            _ => 0,
        };
        return result ?? 0;
    }

    private static double? Elements(InferredTypes types, string? tensor) =>
        tensor is { Length: > 0 } && types.TypeOf(tensor)?.Shape is { } shape && DimMath.ElementCount(shape) is long count ? count : null;

    private static TensorShape? ShapeOf(InferredTypes types, string tensor) => tensor.Length > 0 ? types.TypeOf(tensor)?.Shape : null;

    /// <summary>W[1] · kernel elements: the multiply-adds per output element of a convolution (per input element of a
    /// transposed one).</summary>
    private static double? WeightWindow(InferredTypes types, NodeSpec spec, int weightInput) =>
        spec.Inputs.Count > weightInput && ShapeOf(types, spec.Inputs[weightInput]) is { Rank: >= 2 } w && w.Dims.Skip(1).All(d => d.IsKnown)
            ? w.Dims.Skip(1).Aggregate(1.0, (a, d) => a * d.Value!.Value)
            : null;

    private static double? GemmInner(InferredTypes types, NodeSpec spec) =>
        ShapeOf(types, spec.Inputs.FirstOrDefault("")) is { Rank: 2 } a && (spec.Attribute("transA")?.Int == 1 ? a[0] : a[1]).Value is long k ? k : null;

    private static double? LastDim(InferredTypes types, string tensor) =>
        ShapeOf(types, tensor) is { Rank: >= 1 } s && s[s.Rank - 1].Value is long k ? k : null;

    private static double? KernelSize(NodeSpec spec) =>
        spec.Attribute("kernel_shape") is { } kernel ? kernel.Ints.Aggregate(1.0, (a, k) => a * k) : null;

    private static double? SpatialSize(InferredTypes types, string tensor) =>
        ShapeOf(types, tensor) is { Rank: >= 3 } x && x.Dims.Skip(2).All(d => d.IsKnown)
            ? x.Dims.Skip(2).Aggregate(1.0, (a, d) => a * d.Value!.Value)
            : null;

    /// <summary>One input: its elements. Several: 2 · the product of every letter's size and the broadcast '...' dims
    /// (each combination of indices is one multiply-add).</summary>
    private static double? Einsum(InferredTypes types, NodeSpec spec)
    {
        var shapes = spec.Inputs.Select(i => ShapeOf(types, i)).ToArray();
        if (shapes.Any(s => s is null))
        {
            return null;
        }

        if (shapes.Length == 1)
        {
            return DimMath.ElementCount(shapes[0]!);
        }

        var equation = EinsumEquation.Resolve(spec.Attribute("equation")?.String ?? "", shapes!, out _);
        if (equation is null || equation.Letters.Values.Any(d => !d.IsKnown) || !equation.Ellipsis.IsFullyKnown)
        {
            return null;
        }

        return 2 * equation.Letters.Values.Aggregate(1.0, (a, d) => a * d.Value!.Value) * (DimMath.ElementCount(equation.Ellipsis) ?? 0);
    }
}
