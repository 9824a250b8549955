using PartitionCompiler.Partitioning.Tests.Shapes;

namespace PartitionCompiler.Partitioning.Tests.Graph;

/// <summary>Node keys: the name when non-empty and unique, else <c>@</c> + the first output name.</summary>
public sealed class GraphBuilderKeyTests
{
    [Fact]
    public void Unique_names_are_keys()
    {
        var graph = new SpecBuilder().Input("x", 2).NamedNode("relu", "Relu", ["x"], ["y"]).Output("y").Graph();

        Assert.Equal("relu", graph.Nodes[0].Key);
        Assert.True(graph.TryGetNode("relu", out var node));
        Assert.Same(graph.Nodes[0], node);
    }

    [Fact]
    public void Empty_names_are_keyed_by_their_first_output()
    {
        var graph = new SpecBuilder().Input("x", 2)
            .NamedNode("", "Relu", ["x"], ["r"])
            .NamedNode("", "Split", ["r"], ["", "s2"])
            .Output("s2").Graph();

        Assert.Equal(["@r", "@s2"], graph.Nodes.Select(n => n.Key));
    }

    [Fact]
    public void Repeated_names_are_all_keyed_by_their_first_output()
    {
        var graph = new SpecBuilder().Input("x", 2)
            .NamedNode("block", "Relu", ["x"], ["a"])
            .NamedNode("block", "Neg", ["a"], ["b"])
            .NamedNode("tail", "Abs", ["b"], ["c"])
            .Output("c").Graph();

        Assert.Equal(["@a", "@b", "tail"], graph.Nodes.Select(n => n.Key));
    }

    [Fact]
    public void Name_spelling_another_nodes_output_key_gives_way_and_keys_stay_unique()
    {
        var graph = new SpecBuilder().Input("x", 2)
            .NamedNode("", "Relu", ["x"], ["a"])
            .NamedNode("@a", "Neg", ["a"], ["b"])
            .Output("b").Graph();

        Assert.Equal(["@a", "@b"], graph.Nodes.Select(n => n.Key));
    }
}
