namespace PartitionCompiler.Partitioning.Solver;

/// <summary>
/// The memory a run of positions needs when it is one stage on one device. The cost model implements it; tests supply
/// their own.
/// </summary>
public interface ISegmentMemory
{
    /// <summary>
    /// Parameter bytes of the unique weights read by positions <paramref name="first"/>..<paramref name="last"/>
    /// (inclusive) and the peak bytes of live activations while they run in position order.
    /// </summary>
    SegmentMemory Measure(int first, int last);
}
