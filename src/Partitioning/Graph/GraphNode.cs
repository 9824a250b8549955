namespace PartitionCompiler.Partitioning.Graph;

/// <summary>
/// A node of the operator graph.
/// </summary>
/// <param name="Index">The node's index in the file (= <see cref="NodeSpec.FileIndex"/>).</param>
/// <param name="Key">The node's stable identity in profiles and plans: its name when non-empty and unique,
/// else <c>@</c> + its first output name.</param>
/// <param name="Position">Its place in the topological order (0..n-1), or null for weight producers.</param>
public sealed record GraphNode(int Index, NodeSpec Spec, string Key, int? Position)
{
    public bool IsWeight => Position is null;

    public string OpType => Spec.OpType;
}
