using PartitionCompiler.Partitioning.Graph;
using PartitionCompiler.TestSupport;

namespace PartitionCompiler.OnnxSplitter.Tests.Reading;

/// <summary>Nodes with subgraphs stay whole; the main-graph tensors their bodies read become their outer-scope inputs.</summary>
public sealed class SubgraphReadTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void If_node_reads_the_outer_tensors_its_branches_use()
    {
        var spec = ReadResult.Of(ModelRecipes.WithIf(), _folder).Ok().Spec;

        var node = spec.Nodes.Single(n => n.OpType == "If");
        Assert.True(node.HasSubgraphs);
        Assert.Equal(["cond"], node.Inputs);
        Assert.Equal(["x", "w"], node.OuterScopeInputs);
        Assert.Equal(["cond", "x", "w"], node.AllInputs);
        var branch = node.Attribute("then_branch")!;
        Assert.Equal(AttributeKind.Graph, branch.Kind);
        Assert.All(spec.Nodes.Where(n => n.OpType != "If"), n => Assert.False(n.HasSubgraphs));
    }

    [Fact]
    public void Nested_subgraph_reads_reach_the_main_graph_only_when_no_inner_scope_defines_them()
    {
        // then: t = Relu(a); inner If(c2) { then: Add(t, b)  else: Identity(x) }, where a, b, x come from the main graph
        // and t, c2 from the then-branch. Names the main graph does not define (a typo'd 'ghost') are left out.
        var innerThen = new OnnxGraphBuilder("inner_then").Node("Add", ["t", "b"], ["it"], "inner_add").Output("it", ElementType.Float32, 4);
        var innerElse = new OnnxGraphBuilder("inner_else").Node("Identity", ["x"], ["ie"], "inner_id").Output("ie", ElementType.Float32, 4);
        var outerThen = new OnnxGraphBuilder("outer_then")
            .Node("Relu", ["a"], ["t"], "relu_t")
            .Node("Identity", ["c"], ["c2"], "c2")
            .Node("If", ["c2"], ["ot"], "inner_if", OnnxAttribute.Graph("then_branch", innerThen), OnnxAttribute.Graph("else_branch", innerElse))
            .Output("ot", ElementType.Float32, 4);
        var outerElse = new OnnxGraphBuilder("outer_else").Node("Neg", ["ghost"], ["oe"], "neg").Output("oe", ElementType.Float32, 4);
        var builder = new OnnxModelBuilder().Input("x", ElementType.Float32, 4).Input("c", ElementType.Bool)
            .Weight("b", 4)
            .Node("Relu", ["x"], ["a"], "relu_a")
            .Node("If", ["c"], ["y"], "outer_if", OnnxAttribute.Graph("then_branch", outerThen), OnnxAttribute.Graph("else_branch", outerElse))
            .Output("y", ElementType.Float32, 4);

        var node = ReadResult.Of(builder, _folder).Ok().Spec.Nodes.Single(n => n.Name == "outer_if");

        Assert.Equal(["a", "c", "b", "x"], node.OuterScopeInputs);
    }

    [Fact]
    public void Loop_body_reads_outer_tensors_but_not_its_own_inputs()
    {
        var body = new OnnxGraphBuilder("body")
            .Input("i", ElementType.Int64).Input("cond_in", ElementType.Bool).Input("acc", ElementType.Float32, 4)
            .Node("Identity", ["cond_in"], ["cond_out"], "keep_going")
            .Node("Add", ["acc", "step"], ["acc_out"], "accumulate")
            .Output("cond_out", ElementType.Bool).Output("acc_out", ElementType.Float32, 4);
        var builder = new OnnxModelBuilder().Input("x", ElementType.Float32, 4)
            .Constant("trip", [3L], []).Node("Relu", ["x"], ["step"], "relu")
            .Node("Loop", ["trip", "", "x"], ["y"], "loop", OnnxAttribute.Graph("body", body))
            .Output("y", ElementType.Float32, 4);

        var node = ReadResult.Of(builder, _folder).Ok().Spec.Nodes.Single(n => n.OpType == "Loop");

        Assert.Equal(["step"], node.OuterScopeInputs);
        Assert.Equal(["trip", "x", "step"], node.AllInputs);
    }
}
