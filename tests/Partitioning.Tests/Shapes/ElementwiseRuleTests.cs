using PartitionCompiler.Partitioning.Graph;

namespace PartitionCompiler.Partitioning.Tests.Shapes;

public sealed class ElementwiseRuleTests
{
    [Fact]
    public void Binary_ops_broadcast_multidirectionally()
    {
        var types = new SpecBuilder().Input("a", 3, 1, 5).Input("b", 4, 1).Node("Add", ["a", "b"], ["y"]).Output("y").InferClean();
        ShapeAssert.Type(types, "y", ElementType.Float32, "[3,4,5]");
    }

    [Fact]
    public void Broadcast_mismatch_is_PC0125()
    {
        var (_, bag, _) = new SpecBuilder().Input("a", 3, 5).Input("b", 4, 5).Node("Mul", ["a", "b"], ["y"]).Output("y").Infer();
        Assert.Contains("cannot be broadcast", ShapeAssert.Single(bag, "PC0125").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Different_element_types_are_PC0125()
    {
        var (_, bag, _) = new SpecBuilder().Input("a", 3).Input("b", ElementType.Int64, 3).Node("Sub", ["a", "b"], ["y"]).Output("y").Infer();
        ShapeAssert.Single(bag, "PC0125");
    }

    [Fact]
    public void Symbolic_dims_broadcast_with_one_and_keep_their_symbol()
    {
        var types = new SpecBuilder().Input("a", 1, Dim.Symbolic("seq"), 8).Input("b", 1, 1, 8).Node("Div", ["a", "b"], ["y"]).Output("y").InferClean();
        ShapeAssert.Shape(types, "y", "[1,seq,8]");
    }

    [Fact]
    public void Comparisons_and_logic_give_bool_and_where_takes_the_value_type()
    {
        var types = new SpecBuilder().Input("a", 2, 3).Input("b", 3)
            .Node("Less", ["a", "b"], ["lt"]).Node("Equal", ["a", "b"], ["eq"]).Node("Or", ["lt", "eq"], ["le"])
            .Node("Where", ["le", "a", "b"], ["w"]).Node("Not", ["le"], ["n"])
            .Output("w", "n").InferClean();
        ShapeAssert.Type(types, "le", ElementType.Bool, "[2,3]");
        ShapeAssert.Type(types, "w", ElementType.Float32, "[2,3]");
        ShapeAssert.Type(types, "n", ElementType.Bool, "[2,3]");
    }

    [Fact]
    public void Variadic_sum_mean_max_broadcast_every_input()
    {
        var types = new SpecBuilder().Input("a", 2, 1, 1).Input("b", 1, 3, 1).Input("c", 4)
            .Node("Sum", ["a", "b", "c"], ["s"]).Node("Mean", ["a", "b"], ["m"]).Node("Max", ["a"], ["x"])
            .Output("s", "m", "x").InferClean();
        ShapeAssert.Shape(types, "s", "[2,3,4]");
        ShapeAssert.Shape(types, "m", "[2,3,1]");
        ShapeAssert.Shape(types, "x", "[2,1,1]");
    }

    [Theory]
    [InlineData("Relu")]
    [InlineData("Sigmoid")]
    [InlineData("Tanh")]
    [InlineData("Exp")]
    [InlineData("Log")]
    [InlineData("Sqrt")]
    [InlineData("Abs")]
    [InlineData("Neg")]
    [InlineData("Erf")]
    [InlineData("HardSigmoid")]
    [InlineData("Softplus")]
    [InlineData("Elu")]
    [InlineData("Selu")]
    [InlineData("LeakyRelu")]
    [InlineData("Identity")]
    [InlineData("Clip")]
    public void Unary_ops_keep_shape_and_type(string op)
    {
        var types = new SpecBuilder().Input("x", 1, Dim.Symbolic("c"), 4).Node(op, ["x"], ["y"]).Output("y").InferClean();
        ShapeAssert.Type(types, "y", ElementType.Float32, "[1,c,4]");
    }

    [Fact]
    public void Clip_input_form_and_PRelu()
    {
        var types = new SpecBuilder().Input("x", 1, 8, 4, 4).Reals("lo", 0).Reals("hi", 6).Weight("slope", 8, 1, 1)
            .Node("Clip", ["x", "lo", "hi"], ["c"]).Node("PRelu", ["c", "slope"], ["p"]).Output("p").InferClean();
        ShapeAssert.Shape(types, "c", "[1,8,4,4]");
        ShapeAssert.Shape(types, "p", "[1,8,4,4]");
    }

    [Fact]
    public void Cast_sets_the_element_type_and_converts_folded_values()
    {
        var builder = new SpecBuilder().Input("x", 2, 3).Node("Shape", ["x"], ["s"])
            .Node("Cast", ["s"], ["f"], Attr.Int("to", (long)ElementType.Float32))
            .Node("Cast", ["x"], ["h"], Attr.Int("to", (long)ElementType.Float16))
            .Output("f", "h");
        var types = builder.InferClean();
        ShapeAssert.Type(types, "f", ElementType.Float32, "[2]");
        ShapeAssert.Type(types, "h", ElementType.Float16, "[2,3]");
        Assert.Equal([2.0, 3.0], types.ValueOf("f")!.Reals!);
    }

    [Fact]
    public void Cast_without_to_is_PC0126()
    {
        var (_, bag, _) = new SpecBuilder().Input("x", 2).Node("Cast", ["x"], ["y"]).Output("y").Infer();
        ShapeAssert.Single(bag, "PC0126");
    }

    [Fact]
    public void Dropout_mask_is_bool_from_opset_10_and_the_input_type_before()
    {
        var modern = new SpecBuilder(13).Input("x", 1, 10).Node("Dropout", ["x"], ["y", "m"]).Output("y", "m").InferClean();
        ShapeAssert.Type(modern, "m", ElementType.Bool, "[1,10]");
        var old = new SpecBuilder(9).Input("x", 1, 10).Node("Dropout", ["x"], ["y", "m"], Attr.Float("ratio", 0.5)).Output("y", "m").InferClean();
        ShapeAssert.Type(old, "y", ElementType.Float32, "[1,10]");
        ShapeAssert.Type(old, "m", ElementType.Float32, "[1,10]");
    }

    [Fact]
    public void Legacy_broadcast_attribute_before_opset_7_gives_the_first_shape()
    {
        var types = new SpecBuilder(6).Input("x", 1, 8, 4, 4).Weight("b", 8)
            .Node("Add", ["x", "b"], ["y"], Attr.Int("broadcast", 1), Attr.Int("axis", 1)).Output("y").InferClean();
        ShapeAssert.Shape(types, "y", "[1,8,4,4]");
    }
}
