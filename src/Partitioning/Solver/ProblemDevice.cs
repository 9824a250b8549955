using PartitionCompiler.Partitioning.Diagnostics;

namespace PartitionCompiler.Partitioning.Solver;

/// <summary>A device as the solver sees it.</summary>
/// <param name="MemoryBytes">Memory for the stages placed on it, or null for unlimited.</param>
/// <param name="PowerWatts">Power while computing (already folded into the problem's compute energies; kept for reports).</param>
/// <param name="Location">Where the manifest declares it, for diagnostics.</param>
public sealed record ProblemDevice(string Name, long? MemoryBytes, double PowerWatts, SourceLocation? Location = null);
