namespace PartitionCompiler.Partitioning.Plan;

/// <summary>A content error in a plan file, at a byte offset (internal control flow; surfaced as PC0500).</summary>
internal sealed class PlanFormatException(long offset, string message) : Exception(message)
{
    public long Offset { get; } = offset;
}
