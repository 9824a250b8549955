namespace PartitionCompiler.Partitioning.Solver;

/// <summary>Limits of the K-shortest-paths partition search.</summary>
/// <param name="MaxPaths">Paths examined at most (memory filtering and ties may need more than K); past it PC0303 or
/// PC0304.</param>
/// <param name="MaxTiedPlans">Plans kept at most while extending the K-th plan's run of equal costs (PC0304 past it).</param>
public sealed record KspSolverOptions(long MaxPaths = KspSolverOptions.DefaultMaxPaths, int MaxTiedPlans = KspSolverOptions.DefaultMaxTiedPlans)
{
    public const long DefaultMaxPaths = 1_000_000;

    public const int DefaultMaxTiedPlans = 10_000;

    /// <summary>Relative cost gap below which two plans count as equal (then ordered by devices, then cuts).</summary>
    public const double TieTolerance = 1e-12;

    public static KspSolverOptions Default { get; } = new();

    /// <summary>
    /// Decode every examined path position by position (O(n) per path) instead of from its sidetracks (O(sidetracks +
    /// stages) per path). Same plans, order and diagnostics, only slower; for benchmarks and tests that compare the two.
    /// </summary>
    public bool ReferenceDecoding { get; init; }
}
