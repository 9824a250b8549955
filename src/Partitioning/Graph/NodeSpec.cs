using PartitionCompiler.Partitioning.Collections;

namespace PartitionCompiler.Partitioning.Graph;

/// <summary>
/// One node of the model's main graph, as read from the file.
/// </summary>
/// <param name="FileIndex">Index of the node in the file's node list.</param>
/// <param name="Name">The node's name in the file (may be empty or repeated; see <see cref="GraphNode.Key"/>).</param>
/// <param name="Inputs">Input tensor names; an empty string marks an omitted optional input.</param>
/// <param name="OuterScopeInputs">Tensors of the main graph that the node's subgraphs (If/Loop/Scan bodies) read;
/// they count as the node's inputs for ordering, cuts and sub-models.</param>
/// <param name="HasSubgraphs">True for nodes with graph attributes (If, Loop, Scan).</param>
public sealed record NodeSpec(
    int FileIndex,
    string Name,
    string OpType,
    string Domain,
    EquatableArray<string> Inputs,
    EquatableArray<string> Outputs,
    EquatableArray<AttributeValue> Attributes,
    EquatableArray<string> OuterScopeInputs,
    bool HasSubgraphs)
{
    public AttributeValue? Attribute(string name)
    {
        foreach (var attribute in Attributes)
        {
            if (string.Equals(attribute.Name, name, StringComparison.Ordinal))
            {
                return attribute;
            }
        }

        return null;
    }

    /// <summary>Every tensor the node reads: its inputs (omitted ones skipped) and the outer-scope tensors of its subgraphs.</summary>
    public IEnumerable<string> AllInputs => Inputs.Where(i => i.Length > 0).Concat(OuterScopeInputs);
}
