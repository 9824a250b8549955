using PartitionCompiler.Partitioning.Graph;
using PartitionCompiler.Partitioning.Tests.Shapes;

namespace PartitionCompiler.Partitioning.Tests.Graph;

/// <summary>Weight producers get no position; their outputs are weights that never cross a cut.</summary>
public sealed class GraphBuilderWeightTests
{
    [Fact]
    public void Constant_is_a_weight_producer()
    {
        var graph = new SpecBuilder().Input("x", 2)
            .NamedNode("c", "Constant", [], ["c"])
            .NamedNode("add", "Add", ["x", "c"], ["y"])
            .Output("y").Graph();

        Assert.Null(graph.Nodes[0].Position);
        Assert.Equal(TensorKind.Weight, graph.Tensor("c").Kind);
        Assert.Equal(-1, graph.AvailableAt(graph.Tensor("c")));
        Assert.Equal(0, graph.Nodes[1].Position);
    }

    [Theory]
    [InlineData("ConstantOfShape")]
    [InlineData("Identity")]
    [InlineData("Unsqueeze")]
    [InlineData("Reshape")]
    public void Node_fed_only_by_initializers_is_a_weight_producer(string op)
    {
        var graph = new SpecBuilder().Input("x", 2).Weight("i", 2).Weight("j", 1)
            .NamedNode("w", op, op == "Reshape" ? ["i", "j"] : ["i"], ["w"])
            .NamedNode("add", "Add", ["x", "w"], ["y"])
            .Output("y").Graph();

        Assert.True(graph.Nodes[0].IsWeight);
        Assert.Equal(TensorKind.Weight, graph.Tensor("w").Kind);
        Assert.Equal(1, graph.PositionCount);
    }

    [Theory]
    [InlineData("ConstantOfShape")]
    [InlineData("Identity")]
    public void Node_reading_an_activation_is_positioned(string op)
    {
        var graph = new SpecBuilder().Input("x", 2)
            .NamedNode("shape", "Shape", ["x"], ["s"])
            .NamedNode("w", op, ["s"], ["w"])
            .NamedNode("add", "Add", ["x", "w"], ["y"])
            .Output("y").Graph();

        Assert.Equal([0, 1, 2], graph.Nodes.Select(n => n.Position!.Value));
        Assert.Equal(TensorKind.Activation, graph.Tensor("w").Kind);
    }

    [Fact]
    public void Node_mixing_a_weight_and_a_graph_input_is_positioned()
    {
        var graph = new SpecBuilder().Input("x", 2).Weight("i", 2)
            .NamedNode("id", "Identity", ["x"], ["xi"])
            .NamedNode("add", "Add", ["i", "xi"], ["y"])
            .Output("y").Graph();

        Assert.Equal(2, graph.PositionCount);
    }

    [Theory]
    [InlineData("RandomNormalLike")]
    [InlineData("Dropout")]
    public void Non_deterministic_node_fed_by_weights_is_positioned(string op)
    {
        var graph = new SpecBuilder().Input("x", 2).Weight("i", 2)
            .NamedNode("r", op, ["i"], ["r"])
            .NamedNode("add", "Add", ["x", "r"], ["y"])
            .Output("y").Graph();

        Assert.Equal(0, graph.Nodes[0].Position);
    }

    [Fact]
    public void Node_with_subgraphs_fed_by_weights_is_positioned()
    {
        var graph = new SpecBuilder().Input("x", 2).Weight("cond", 1).Weight("i", 2)
            .SubgraphNode("if", "If", ["cond"], ["b"], "i")
            .NamedNode("add", "Add", ["x", "b"], ["y"])
            .Output("y").Graph();

        Assert.Equal(0, graph.Nodes[0].Position);
    }

    [Fact]
    public void Node_without_inputs_other_than_Constant_is_positioned()
    {
        var graph = new SpecBuilder().Input("x", 2)
            .NamedNode("r", "RandomUniform", [], ["r"])
            .NamedNode("add", "Add", ["x", "r"], ["y"])
            .Output("y").Graph();

        Assert.Equal(2, graph.PositionCount);
    }

    [Fact]
    public void Public_rule_agrees_with_the_builder()
    {
        var constant = new SpecBuilder().NamedNode("c", "Constant", [], ["c"]).Build().Nodes[0];
        var identity = new SpecBuilder().NamedNode("i", "Identity", ["a"], ["b"]).Build().Nodes[0];

        Assert.True(GraphBuilder.IsWeightProducer(constant, _ => false));
        Assert.True(GraphBuilder.IsWeightProducer(identity, name => name == "a"));
        Assert.False(GraphBuilder.IsWeightProducer(identity, _ => false));
    }

    [Fact]
    public void Tensors_list_kinds_producers_consumers_outputs_and_declared_types()
    {
        var graph = new SpecBuilder().Input("x", 1, 4).Weight("w", 4).ValueInfo("a", 1, 4)
            .NamedNode("c", "Constant", [], ["c"])
            .NamedNode("relu", "Relu", ["x"], ["a"])
            .NamedNode("mul", "Mul", ["a", "w"], ["m"])
            .NamedNode("add", "Add", ["a", "c"], ["y"])
            .Output("y").Output("m").Graph();

        Assert.Equal(["x", "w", "c", "a", "m", "y"], graph.Tensors.Select(t => t.Name));
        Assert.Equal([TensorKind.GraphInput, TensorKind.Initializer, TensorKind.Weight, TensorKind.Activation, TensorKind.Activation, TensorKind.Activation],
            graph.Tensors.Select(t => t.Kind));
        var a = graph.Tensor("a");
        Assert.Equal(1, a.Producer);
        Assert.Equal([2, 3], a.Consumers);
        Assert.False(a.IsGraphOutput);
        Assert.Equal(new TensorType(ElementType.Float32, TensorShape.Of(1, 4)), a.DeclaredType);
        Assert.Equal(new TensorType(ElementType.Float32, TensorShape.Of(4)), graph.Tensor("w").DeclaredType);
        Assert.True(graph.Tensor("y").IsGraphOutput);
        Assert.Null(graph.Tensor("x").Producer);
        Assert.Equal(0, graph.AvailableAt(a));
        Assert.Equal(-1, graph.AvailableAt(graph.Tensor("x")));
    }
}
