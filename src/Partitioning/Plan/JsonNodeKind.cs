namespace PartitionCompiler.Partitioning.Plan;

/// <summary>What a <see cref="JsonNode"/> holds.</summary>
internal enum JsonNodeKind
{
    Object,
    Array,
    String,
    Number,
    Boolean,
    Null,
}
