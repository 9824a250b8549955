namespace PartitionCompiler.Partitioning.Solver;

/// <summary>A maximal run of positions First..Last (inclusive) on one device, with its compute time and energy.</summary>
public sealed record SolvedStage(int Device, int First, int Last, double ComputeSeconds, double EnergyJoules, SegmentMemory Memory);
