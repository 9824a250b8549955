namespace PartitionCompiler.Partitioning.Solver.Ksp;

/// <summary>
/// One path found by <see cref="LazyEppstein"/>: its rank (1 = shortest), its cost, and a handle the enumerator uses
/// to rebuild the edge sequence (<see cref="LazyEppstein.GetEdges"/>).
/// </summary>
public readonly record struct KspPath(int Rank, double Cost, int Handle);
