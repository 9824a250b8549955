using PartitionCompiler.Partitioning.Graph;

namespace PartitionCompiler.Partitioning.Tests.Graph;

/// <summary>Weight producers get no position; their outputs are weights that never cross a cut.</summary>
public sealed class GraphBuilderWeightTests
{
    [Fact]
    public void Constant_is_a_weight_producer()
    {
        var graph = new Specs().Input("x", 2)
            .Node("c", "Constant", [], ["c"])
            .Node("add", "Add", ["x", "c"], ["y"])
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
        var graph = new Specs().Input("x", 2).Initializer("i", 2).Initializer("j", 1)
            .Node("w", op, op == "Reshape" ? ["i", "j"] : ["i"], ["w"])
            .Node("add", "Add", ["x", "w"], ["y"])
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
        var graph = new Specs().Input("x", 2)
            .Node("shape", "Shape", ["x"], ["s"])
            .Node("w", op, ["s"], ["w"])
            .Node("add", "Add", ["x", "w"], ["y"])
            .Output("y").Graph();

        Assert.Equal([0, 1, 2], graph.Nodes.Select(n => n.Position!.Value));
        Assert.Equal(TensorKind.Activation, graph.Tensor("w").Kind);
    }

    [Fact]
    public void Node_mixing_a_weight_and_a_graph_input_is_positioned()
    {
        var graph = new Specs().Input("x", 2).Initializer("i", 2)
            .Node("id", "Identity", ["x"], ["xi"])
            .Node("add", "Add", ["i", "xi"], ["y"])
            .Output("y").Graph();

        Assert.Equal(2, graph.PositionCount);
    }

    [Theory]
    [InlineData("RandomNormalLike")]
    [InlineData("Dropout")]
    public void Non_deterministic_node_fed_by_weights_is_positioned(string op)
    {
        var graph = new Specs().Input("x", 2).Initializer("i", 2)
            .Node("r", op, ["i"], ["r"])
            .Node("add", "Add", ["x", "r"], ["y"])
            .Output("y").Graph();

        Assert.Equal(0, graph.Nodes[0].Position);
    }

    [Fact]
    public void Node_with_subgraphs_fed_by_weights_is_positioned()
    {
        var graph = new Specs().Input("x", 2).Initializer("cond", 1).Initializer("i", 2)
            .Node("if", "If", ["cond"], ["b"], outerScope: ["i"], subgraphs: true)
            .Node("add", "Add", ["x", "b"], ["y"])
            .Output("y").Graph();

        Assert.Equal(0, graph.Nodes[0].Position);
    }

    [Fact]
    public void Node_without_inputs_other_than_Constant_is_positioned()
    {
        var graph = new Specs().Input("x", 2)
            .Node("r", "RandomUniform", [], ["r"])
            .Node("add", "Add", ["x", "r"], ["y"])
            .Output("y").Graph();

        Assert.Equal(2, graph.PositionCount);
    }

    [Fact]
    public void Public_rule_agrees_with_the_builder()
    {
        var constant = new Specs().Node("c", "Constant", [], ["c"]).Build().Nodes[0];
        var identity = new Specs().Node("i", "Identity", ["a"], ["b"]).Build().Nodes[0];

        Assert.True(GraphBuilder.IsWeightProducer(constant, _ => false));
        Assert.True(GraphBuilder.IsWeightProducer(identity, name => name == "a"));
        Assert.False(GraphBuilder.IsWeightProducer(identity, _ => false));
    }

    [Fact]
    public void Tensors_list_kinds_producers_consumers_outputs_and_declared_types()
    {
        var graph = new Specs().Input("x", 1, 4).Initializer("w", 4).ValueInfo("a", 1, 4)
            .Node("c", "Constant", [], ["c"])
            .Node("relu", "Relu", ["x"], ["a"])
            .Node("mul", "Mul", ["a", "w"], ["m"])
            .Node("add", "Add", ["a", "c"], ["y"])
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
