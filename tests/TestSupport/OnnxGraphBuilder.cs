namespace PartitionCompiler.TestSupport;

/// <summary>A subgraph for a graph attribute (an <c>If</c> branch, a <c>Loop</c> body): see <see cref="OnnxAttribute.Graph"/>.</summary>
public sealed class OnnxGraphBuilder : OnnxGraphBuilderBase<OnnxGraphBuilder>
{
    public OnnxGraphBuilder(string name, int seed = 7)
        : base(seed) => Named(name);
}
