namespace PartitionCompiler.Partitioning.Graph;

/// <summary>An operator set the model imports; the default ONNX domain is the empty string.</summary>
public sealed record OpsetImport(string Domain, long Version);
