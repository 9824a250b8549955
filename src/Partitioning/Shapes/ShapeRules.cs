using System.Collections.Frozen;
using PartitionCompiler.Partitioning.Shapes.Rules;

namespace PartitionCompiler.Partitioning.Shapes;

/// <summary>The shape rules by op type (default ONNX domain). One rule per operator family, in <c>Shapes/Rules</c>.</summary>
internal static class ShapeRules
{
    private static readonly IShapeRule[] All =
    [
        new ConvolutionRule(), new PoolingRule(), new MatrixMultiplyRule(), new NormalizationRule(), new DropoutRule(),
        new UnaryElementwiseRule(), new CastRule(), new BroadcastRule(), new ConcatRule(), new SplitRule(), new SliceRule(),
        new ReshapeRule(), new TransposeRule(), new DepthSpaceRule(), new SqueezeRule(), new ResizeRule(), new PadRule(),
        new SoftmaxRule(), new ReductionRule(), new GatherRule(), new ShapeOfRule(), new ConstantRule(),
        new ExpandTileRule(), new TopKRule(), new RangeRule(), new DataDependentRule(), new QuantizationRule(),
        new GeneratorRule(), new OneHotRule(), new EinsumRule(), new RegionSamplingRule(),
    ];

    private static readonly FrozenDictionary<string, IShapeRule> ByOpType =
        All.SelectMany(rule => rule.OpTypes.Select(op => (op, rule))).ToFrozenDictionary(p => p.op, p => p.rule, StringComparer.Ordinal);

    /// <summary>Every op type that has a rule, sorted.</summary>
    public static IReadOnlyList<string> OpTypes { get; } = ByOpType.Keys.Order(StringComparer.Ordinal).ToArray();

    public static IShapeRule? Find(string domain, string opType) =>
        (domain.Length == 0 || domain == "ai.onnx") && ByOpType.TryGetValue(opType, out var rule) ? rule : null;
}
