using PartitionCompiler.Partitioning.Collections;

namespace PartitionCompiler.Partitioning.Costs;

/// <summary>
/// The static costs of a graph (<see cref="CostModel.Compute"/>): per node, per cut, and fast queries over segments of
/// positions for the solvers.
/// </summary>
public sealed class GraphCosts
{
    private readonly ActivationLiveness _liveness;
    private readonly DistinctWeightIndex _weights;
    private readonly double[] _flopPrefix;
    private readonly Lazy<IReadOnlyList<CutInfo>> _cuts;

    internal GraphCosts(NodeCost[] nodes, double[] positionFlops, ActivationLiveness liveness, DistinctWeightIndex weights, IReadOnlyList<string> unknownSizes)
    {
        Nodes = nodes;
        _liveness = liveness;
        _weights = weights;
        PositionCount = positionFlops.Length;
        _flopPrefix = new double[PositionCount + 1];
        for (int p = 0; p < PositionCount; p++)
        {
            _flopPrefix[p + 1] = _flopPrefix[p] + positionFlops[p];
        }

        TotalFlops = nodes.Sum(n => n.Flops);
        TotalParameterBytes = PositionCount == 0 ? 0 : weights.Bytes(0, PositionCount - 1);
        UnknownSizeTensors = unknownSizes;
        _cuts = new Lazy<IReadOnlyList<CutInfo>>(() => BuildCuts());
    }

    /// <summary>Per node, by node index (file order); weight producers included (0 FLOPs, 0 parameter bytes).</summary>
    public IReadOnlyList<NodeCost> Nodes { get; }

    /// <summary>n: the number of positions.</summary>
    public int PositionCount { get; }

    /// <summary>Every cut: <c>Cuts[k + 1]</c> is the cut after position k, k = -1 .. n-1. Built on first use in
    /// O(n + the total size of the crossing sets); the byte and peak figures alone are O(1) each through
    /// <see cref="CutBytes"/> and <see cref="SegmentPeakActivationBytes"/>.</summary>
    public IReadOnlyList<CutInfo> Cuts => _cuts.Value;

    public double TotalFlops { get; }

    /// <summary>Bytes of every distinct weight read by a positioned node.</summary>
    public long TotalParameterBytes { get; }

    /// <summary>Activations and graph inputs whose size is unknown; they count 0 bytes in cuts and peaks.</summary>
    public IReadOnlyList<string> UnknownSizeTensors { get; }

    /// <summary>Bytes crossing the cut after position <paramref name="after"/> (-1..n-1). O(1).</summary>
    public long CutBytes(int after) => _liveness.CutBytes(after);

    /// <summary>FLOPs of positions first..last. O(1).</summary>
    public double SegmentFlops(int first, int last) => first > last ? 0 : _flopPrefix[last + 1] - _flopPrefix[first];

    /// <summary>Bytes of the distinct weights read by positions first..last (a weight read twice counts once).
    /// O(1) when no weight is read at two positions, else O(log² P) for P repeated reads.</summary>
    public long SegmentParameterBytes(int first, int last) => first > last ? 0 : _weights.Bytes(first, last);

    /// <summary>
    /// Peak live activation bytes while running positions first..last in order: segment inputs are live from the start
    /// until their last use inside, tensors needed after the segment and graph outputs made inside it stay live to its
    /// end, a node's outputs are live from its step (its inputs and outputs are live together). O(1 + g) for g graph
    /// outputs.
    /// </summary>
    public long SegmentPeakActivationBytes(int first, int last) => _liveness.PeakBytes(first, last);

    private CutInfo[] BuildCuts()
    {
        var sets = _liveness.CrossingSets(PositionCount);
        var cuts = new CutInfo[PositionCount + 1];
        for (int k = -1; k < PositionCount; k++)
        {
            cuts[k + 1] = new CutInfo(
                k,
                sets[k + 1].ToEquatableArray(),
                CutBytes(k),
                k < 0 ? 0 : SegmentPeakActivationBytes(0, k),
                SegmentPeakActivationBytes(k + 1, PositionCount - 1));
        }

        return cuts;
    }
}
