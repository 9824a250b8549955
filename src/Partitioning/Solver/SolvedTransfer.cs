using PartitionCompiler.Partitioning.Collections;

namespace PartitionCompiler.Partitioning.Solver;

/// <summary>
/// Data crossing cut <see cref="After"/> (-1: the graph inputs leaving the source; n - 1: the graph outputs going to the
/// sink) along <see cref="Route"/> (device indices, sender first).
/// </summary>
public sealed record SolvedTransfer(int After, EquatableArray<int> Route, long Bytes, double Seconds, double EnergyJoules);
