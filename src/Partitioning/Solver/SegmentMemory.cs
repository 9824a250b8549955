namespace PartitionCompiler.Partitioning.Solver;

/// <summary>The memory of one stage: the unique parameters it holds and its peak live activation bytes.</summary>
public readonly record struct SegmentMemory(long ParameterBytes, long PeakActivationBytes)
{
    public long Total => ParameterBytes + PeakActivationBytes;
}
