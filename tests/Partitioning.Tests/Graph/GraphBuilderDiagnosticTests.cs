using PartitionCompiler.Partitioning.Tests.Shapes;

namespace PartitionCompiler.Partitioning.Tests.Graph;

/// <summary>PC0110-PC0114 on hand-assembled specs (the ONNX edge's tests cover the same codes on real files).</summary>
public sealed class GraphBuilderDiagnosticTests
{
    [Fact]
    public void Dangling_input_is_PC0110()
    {
        var diagnostic = Assert.Single(new SpecBuilder().Input("x", 2).NamedNode("n", "Relu", ["nothing"], ["y"]).Output("y").Errors());

        Assert.Equal("PC0110", diagnostic.Code);
        Assert.Equal(SpecBuilder.Location.Path, diagnostic.Location?.Path);
        Assert.Contains("'nothing'", diagnostic.Message);
    }

    [Fact]
    public void Dangling_outer_scope_read_is_PC0110()
    {
        var errors = new SpecBuilder().Input("c", 1).SubgraphNode("if", "If", ["c"], ["y"], "gone").Output("y").Errors();

        Assert.Equal("PC0110", Assert.Single(errors).Code);
    }

    [Fact]
    public void Cycle_is_PC0111()
    {
        var errors = new SpecBuilder().Input("x", 2)
            .NamedNode("a", "Add", ["x", "b"], ["a"])
            .NamedNode("b", "Relu", ["a"], ["b"])
            .Output("b").Errors();

        var diagnostic = Assert.Single(errors);
        Assert.Equal("PC0111", diagnostic.Code);
        Assert.Contains("'a', 'b'", diagnostic.Message);
    }

    [Fact]
    public void Duplicate_output_is_PC0112()
    {
        var errors = new SpecBuilder().Input("x", 2).Weight("w", 2)
            .NamedNode("a", "Relu", ["x"], ["w"])
            .Output("w").Errors();

        var diagnostic = Assert.Single(errors);
        Assert.Equal("PC0112", diagnostic.Code);
        Assert.Contains("an initializer and node 'a'", diagnostic.Message);
    }

    [Fact]
    public void Unproduced_graph_output_is_PC0113()
    {
        var diagnostic = Assert.Single(new SpecBuilder().Input("x", 2).NamedNode("a", "Relu", ["x"], ["y"]).Output("y").Output("z").Errors());

        Assert.Equal("PC0113", diagnostic.Code);
    }

    [Fact]
    public void Graph_without_positioned_nodes_is_PC0114()
    {
        Assert.Equal("PC0114", Assert.Single(new SpecBuilder().NamedNode("c", "Constant", [], ["c"]).Output("c").Errors()).Code);
        Assert.Equal("PC0114", Assert.Single(new SpecBuilder().Input("x", 2).Output("x").Errors()).Code);
    }
}
