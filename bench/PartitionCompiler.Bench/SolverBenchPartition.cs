namespace PartitionCompiler.Bench;

internal static class SolverBenchPartition
{
    public static void Run(int runs, int quikRuns)
    {
        _ = runs;
        _ = quikRuns;
    }
}
