namespace PartitionCompiler.OnnxSplitter.Profiling;

/// <summary>How <see cref="NodeProfiler"/> measures: <see cref="WarmupRuns"/> runs that do not count, then
/// <see cref="Runs"/> timed runs on seeded random inputs (the proof's generator).</summary>
public sealed record ProfilerOptions
{
    /// <summary>Timed runs (at least 1); each node's median, p10 and p90 are taken over them.</summary>
    public int Runs { get; init; } = 10;

    /// <summary>Runs before the timed ones (allocations, caches), not counted.</summary>
    public int WarmupRuns { get; init; } = 2;

    /// <summary>Seed of the random inputs.</summary>
    public int Seed { get; init; } = 42;
}
