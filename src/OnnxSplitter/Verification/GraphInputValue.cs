using PartitionCompiler.Partitioning.Graph;

namespace PartitionCompiler.OnnxSplitter.Verification;

/// <summary>A graph input to feed: its element type and the concrete shape it is pinned to.</summary>
internal sealed record GraphInputValue(string Name, ElementType ElementType, long[] Shape);
