using PartitionCompiler.Partitioning.Graph;
using PartitionCompiler.Partitioning.Tests.Shapes;

namespace PartitionCompiler.Partitioning.Tests.Graph;

/// <summary>Positions: file order when it is topological, else Kahn's algorithm taking the smallest ready file index.</summary>
public sealed class GraphBuilderOrderTests
{
    [Fact]
    public void Topological_file_order_is_the_order()
    {
        var graph = new SpecBuilder().Input("x", 4)
            .NamedNode("a", "Relu", ["x"], ["a"])
            .NamedNode("b", "Neg", ["x"], ["b"])
            .NamedNode("c", "Add", ["a", "b"], ["c"])
            .Output("c").Graph();

        Assert.True(graph.FileOrderWasTopological);
        Assert.Equal([0, 1, 2], graph.Order);
        Assert.Equal([0, 1, 2], graph.Nodes.Select(n => n.Position!.Value));
        Assert.Equal(3, graph.PositionCount);
        Assert.Equal("c", graph.NodeAt(2).Key);
    }

    [Fact]
    public void Unordered_file_is_sorted_by_Kahn_taking_the_smallest_ready_index()
    {
        // File: 0 C(b) 1 A(x) 2 B(a) 3 D(x). Ready at first: A(1), D(3) -> A; then B(2), D -> B; then C(0), D -> C; then D.
        var graph = new SpecBuilder().Input("x", 4)
            .NamedNode("C", "Relu", ["b"], ["c"])
            .NamedNode("A", "Relu", ["x"], ["a"])
            .NamedNode("B", "Relu", ["a"], ["b"])
            .NamedNode("D", "Relu", ["x"], ["d"])
            .Output("c").Output("d").Graph();

        Assert.False(graph.FileOrderWasTopological);
        Assert.Equal([1, 2, 0, 3], graph.Order);
        Assert.Equal([2, 0, 1, 3], graph.Nodes.Select(n => n.Position!.Value));
    }

    [Fact]
    public void Outer_scope_reads_of_a_subgraph_order_the_node_after_their_producer()
    {
        // The If (file index 0) reads 'a' only from inside its branches; it must still come after 'a''s producer.
        var graph = new SpecBuilder().Input("x", 4).Input("cond")
            .SubgraphNode("if", "If", ["cond"], ["y"], "a")
            .NamedNode("make_a", "Relu", ["x"], ["a"])
            .Output("y").Graph();

        Assert.Equal([1, 0], graph.Order);
        Assert.Equal([0], graph.Tensor("a").Consumers);
    }

    [Fact]
    public void Weight_chain_listed_before_its_source_is_still_weights()
    {
        // Unsqueeze reads the fill's output before the fill appears in the file.
        var graph = new SpecBuilder().Input("x", 1, 8).Weight("w_shape", 1)
            .NamedNode("unsq", "Unsqueeze", ["w"], ["w2"])
            .NamedNode("fill", "ConstantOfShape", ["w_shape"], ["w"])
            .NamedNode("mul", "Mul", ["x", "w2"], ["y"])
            .Output("y").Graph();

        Assert.True(graph.Nodes[0].IsWeight);
        Assert.True(graph.Nodes[1].IsWeight);
        Assert.Equal(0, graph.Nodes[2].Position);
        Assert.True(graph.FileOrderWasTopological);
        Assert.Equal(1, graph.PositionCount);
    }

    [Fact]
    public void Long_chain_builds_in_file_order()
    {
        var specs = new SpecBuilder().Input("x", 4);
        string previous = "x";
        for (int i = 0; i < 20000; i++)
        {
            specs.NamedNode($"n{i}", "Relu", [previous], [$"t{i}"]);
            previous = $"t{i}";
        }

        var graph = specs.Output(previous).Graph();

        Assert.Equal(20000, graph.PositionCount);
        Assert.Equal(19999, graph.Nodes[^1].Position);
        Assert.Equal([19999], graph.Tensor("t19998").Consumers);
    }
}
