using PartitionCompiler.Partitioning.Graph;

namespace PartitionCompiler.OnnxSplitter.SubModels;

/// <summary>A stage input or output with the element type and concrete shape the plan gives it.</summary>
internal sealed record StageTensor(string Name, ElementType ElementType, long[] Shape);
