using PartitionCompiler.Partitioning.Collections;
using PartitionCompiler.Partitioning.Graph;
using PartitionCompiler.Partitioning.Shapes;

namespace PartitionCompiler.Partitioning.Costs;

/// <summary>
/// The static cost model (DESIGN.md section 3): FLOPs, parameter bytes and output bytes per node; crossing tensors,
/// transfer bytes and peak live memory per cut; segment queries for the solvers.
/// </summary>
/// <remarks>
/// <para>FLOP convention (1 multiply-add = 2 FLOPs; "output" = elements of the first output, "input" = of the first input):</para>
/// <list type="table">
/// <listheader><term>operator</term><description>FLOPs</description></listheader>
/// <item><term>Conv, ConvInteger, QLinearConv</term><description>2 · output · (C/group) · k1···kd  (= 2·N·Cout·Hout·Wout·k_h·k_w·Cin/group; 1-D and 3-D alike)</description></item>
/// <item><term>ConvTranspose</term><description>2 · input · (Cout/group) · k1···kd (the same work seen from the input side)</description></item>
/// <item><term>Gemm, MatMul, MatMulInteger, QLinearMatMul</term><description>2 · M · N · K, times the batch for batched MatMul (= 2 · output · K)</description></item>
/// <item><term>Einsum</term><description>2 · the product of every index size (one multiply-add per index combination); one input: 1 per input element</description></item>
/// <item><term>element-wise unary and binary ops, activations, Clip, Where, comparisons, BatchNormalization, Hardmax, CumSum, (De)QuantizeLinear, GridSample, RoiAlign</term><description>1 per output element</description></item>
/// <item><term>Sum, Mean, Max, Min with k inputs</term><description>max(1, k - 1) per output element</description></item>
/// <item><term>MaxPool, AveragePool, LpPool</term><description>k1···kd per output element</description></item>
/// <item><term>GlobalAveragePool, GlobalMaxPool, GlobalLpPool</term><description>the input's spatial size per output element</description></item>
/// <item><term>Softmax, LogSoftmax, LayerNormalization, InstanceNormalization, GroupNormalization, MeanVarianceNormalization, LpNormalization, RMSNormalization</term><description>5 per element</description></item>
/// <item><term>LRN</term><description>2 · size + 3 per element (squares and sums over the window, scale, power, divide)</description></item>
/// <item><term>Reduce*, ArgMax, ArgMin, TopK</term><description>1 per input element</description></item>
/// <item><term>Resize, Upsample</term><description>0 for nearest, else 1 per output element</description></item>
/// <item><term>data movement (Concat, Split, Reshape, Flatten, Transpose, Slice, Gather*, Scatter*, Pad, Squeeze, Unsqueeze, Expand, Tile, DepthToSpace, Shape, Size, Identity, Cast, Dropout, Range, NonZero...), weight producers, unknown ops and other domains</term><description>0</description></item>
/// </list>
/// <para>Bias additions inside Conv and Gemm are not counted. A FLOP figure whose shapes are unknown counts 0.</para>
/// <para>Parameter bytes of a positioned node: the bytes of the distinct weights it reads (initializers and weight-producer
/// outputs); weight producers themselves have 0 (their outputs are the parameters of the nodes that read them).
/// <see cref="GraphCosts.TotalParameterBytes"/> counts every distinct weight read by a positioned node once.</para>
/// <para>Cuts: the cut after position k holds every graph input or activation produced at or before k and read after k
/// (weights never cross); its bytes are their sum. Branches are not collapsed: a skip connection crosses every cut it
/// spans. Peak live bytes before/after the cut are <see cref="GraphCosts.SegmentPeakActivationBytes"/> of positions
/// 0..k and k+1..n-1 (see <see cref="ActivationLiveness"/> for the exact live set).</para>
/// <para>Complexity: O(nodes + tensors + edges) plus O(n log n) for the range-maximum table (Bender and Farach-Colton,
/// LATIN 2000) and O(P log² P) for P repeated weight reads (Fenwick, 1994).</para>
/// </remarks>
public static class CostModel
{
    public static GraphCosts Compute(OperatorGraph graph, InferredTypes types)
    {
        int n = graph.PositionCount;
        var initializerBytes = graph.Model.Initializers.ToDictionary(i => i.Name, i => i.ByteSize, StringComparer.Ordinal);
        var tensorIndex = new Dictionary<string, int>(graph.Tensors.Length, StringComparer.Ordinal);
        for (int t = 0; t < graph.Tensors.Length; t++)
        {
            tensorIndex[graph.Tensors[t].Name] = t;
        }

        var nodes = new NodeCost[graph.Nodes.Length];
        var positionFlops = new double[n];
        var reads = new IReadOnlyList<(int Weight, long Bytes)>[n];
        foreach (var node in graph.Nodes)
        {
            double flops = FlopCounter.Count(node, types);
            var weights = new List<(int Weight, long Bytes)>();
            if (node.Position is int position)
            {
                foreach (var input in node.Spec.AllInputs)
                {
                    int t = tensorIndex[input];
                    var tensor = graph.Tensors[t];
                    if (tensor.Kind is TensorKind.Initializer or TensorKind.Weight && !weights.Exists(w => w.Weight == t))
                    {
                        long bytes = types.BytesOf(input) ?? initializerBytes.GetValueOrDefault(input);
                        weights.Add((t, bytes));
                    }
                }

                positionFlops[position] = flops;
                reads[position] = weights;
            }

            var outputBytes = node.Spec.Outputs.Select(o => o.Length > 0 ? types.BytesOf(o) : null).ToEquatableArray();
            nodes[node.Index] = new NodeCost(node.Index, flops, weights.Sum(w => w.Bytes), outputBytes);
        }

        var unknownSizes = new List<string>();
        var liveness = new ActivationLiveness(graph, types, unknownSizes);
        return new GraphCosts(nodes, positionFlops, liveness, new DistinctWeightIndex(reads), unknownSizes);
    }
}
