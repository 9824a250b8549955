using PartitionCompiler.Partitioning.Collections;
using PartitionCompiler.Partitioning.Graph;

namespace PartitionCompiler.Partitioning.Tests.Shapes;

public sealed class FoldingAndUndecidedTests
{
    [Fact]
    public void Shape_gather_unsqueeze_concat_reshape_chain_resolves()
    {
        // The usual exported flatten: Reshape(x, Concat(Unsqueeze(Gather(Shape(x), 0)), [-1])).
        var types = new SpecBuilder().Input("x", 4, 256, 6, 6).Ints("zero", [], 0).Ints("axes", 0).Ints("minus", -1)
            .Node("Shape", ["x"], ["s"]).Node("Gather", ["s", "zero"], ["n"]).Node("Unsqueeze", ["n", "axes"], ["nu"])
            .Node("Concat", ["nu", "minus"], ["target"], Attr.Int("axis", 0)).Node("Reshape", ["x", "target"], ["y"])
            .Output("y").InferClean();
        ShapeAssert.Type(types, "n", ElementType.Int64, "[]");
        Assert.Equal([4L, -1], types.IntegerValuesOf("target"));
        ShapeAssert.Shape(types, "y", "[4,9216]");
        Assert.Empty(types.Undecided);
    }

    [Fact]
    public void Symbolic_dims_flow_through_shape_arithmetic()
    {
        // x: [1, seq, 8] -> Reshape to [1, seq, 2, 4] with seq taken from Shape(x)[1].
        var types = new SpecBuilder().Input("x", 1, Dim.Symbolic("seq"), 8).Ints("one", [], 1).Ints("axes", 0).Ints("head", 1).Ints("tail", 2, 4)
            .Node("Shape", ["x"], ["s"]).Node("Gather", ["s", "one"], ["seq"]).Node("Unsqueeze", ["seq", "axes"], ["sequ"])
            .Node("Concat", ["head", "sequ", "tail"], ["target"], Attr.Int("axis", 0)).Node("Reshape", ["x", "target"], ["y"])
            .Node("Reshape", ["y", "minusTarget"], ["back"]).Ints("minusTarget", 0, -1, 8)
            .Output("y", "back").InferClean();
        ShapeAssert.Shape(types, "y", "[1,seq,2,4]");
        ShapeAssert.Shape(types, "back", "[1,seq,8]");
        Assert.Empty(types.Undecided);
    }

    [Fact]
    public void Shape_start_end_size_and_slice_of_a_shape_fold()
    {
        var types = new SpecBuilder(15).Input("x", 2, 3, 4, 5).Ints("st", 1).Ints("en", long.MaxValue)
            .Node("Shape", ["x"], ["tail"], Attr.Int("start", -2)).Node("Size", ["x"], ["count"])
            .Node("Shape", ["x"], ["s"]).Node("Slice", ["s", "st", "en"], ["rest"]).Node("ReduceProd", ["rest"], ["prod"], Attr.Int("keepdims", 0))
            .Output("tail", "count", "prod").InferClean();
        Assert.Equal([4L, 5], types.IntegerValuesOf("tail"));
        Assert.Equal([120L], types.IntegerValuesOf("count"));
        Assert.Equal([60L], types.IntegerValuesOf("prod"));
    }

    [Fact]
    public void Constant_forms_and_ConstantOfShape()
    {
        var value = ConstantTensor.FromIntegers(ElementType.Int32, [2], [7, 9]);
        var fill = ConstantTensor.FromReals(ElementType.Float16, [1], [0.5]);
        var types = new SpecBuilder()
            .Node("Constant", [], ["c"], Attr.Tensor("value", value))
            .Node("Constant", [], ["f"], Attr.Float("value_float", 2.5))
            .Node("Constant", [], ["is"], new AttributeValue("value_ints", AttributeKind.Ints) { Ints = EquatableArray.Create(3L, 4L) })
            .Node("ConstantOfShape", ["is"], ["z"], Attr.Tensor("value", fill))
            .Node("ConstantOfShape", ["is"], ["d"])
            .Input("x", 3, 4).Node("Add", ["x", "d"], ["y"])
            .Output("y").InferClean();
        ShapeAssert.Type(types, "c", ElementType.Int32, "[2]");
        ShapeAssert.Type(types, "f", ElementType.Float32, "[]");
        ShapeAssert.Type(types, "z", ElementType.Float16, "[3,4]");
        ShapeAssert.Type(types, "d", ElementType.Float32, "[3,4]");
        ShapeAssert.Shape(types, "y", "[3,4]");
    }

    [Fact]
    public void NonZero_is_undecided_and_so_is_what_depends_on_it()
    {
        var (types, bag, _) = new SpecBuilder().Input("x", 3, 4).Node("NonZero", ["x"], ["nz"]).Node("Transpose", ["nz"], ["t"])
            .Node("Relu", ["x"], ["r"]).Output("t", "r").Infer();
        Assert.Empty(bag.Items);
        ShapeAssert.Type(types, "nz", ElementType.Int64, "[2,?]");
        Assert.Equal(["nz", "t"], types.Undecided);
    }

    [Fact]
    public void Subgraph_nodes_and_unknown_ops_are_undecided_and_known_types_win()
    {
        var builder = new SpecBuilder().Input("x", 3, 4)
            .RawNode(i => new NodeSpec(i, "if", "If", "", EquatableArray.Create("cond"), EquatableArray.Create("branch"),
                EquatableArray<AttributeValue>.Empty, EquatableArray.Create("x"), true))
            .Input("cond", ElementType.Bool)
            .RawNode(i => new NodeSpec(i, "custom", "FancyOp", "com.example", EquatableArray.Create("x"), EquatableArray.Create("fancy"),
                EquatableArray<AttributeValue>.Empty, EquatableArray<string>.Empty, false))
            .Node("Add", ["branch", "x"], ["sum"])
            .Output("sum", "fancy");
        var (types, bag, _) = builder.Infer();
        Assert.Empty(bag.Items);
        Assert.Equal(["branch", "fancy", "sum"], types.Undecided);
        Assert.Null(types.TypeOf("branch"));

        var known = new Dictionary<string, TensorType> { ["branch"] = new(ElementType.Float32, TensorShape.Of(3, 4)) };
        var (resolved, _, _) = builder.Infer(knownTypes: known);
        Assert.Equal(["fancy"], resolved.Undecided);
        ShapeAssert.Shape(resolved, "sum", "[3,4]");
    }

    [Fact]
    public void Value_info_fills_what_static_inference_cannot_decide()
    {
        var (types, _, _) = new SpecBuilder().Input("x", 3, 4).Node("NonZero", ["x"], ["nz"])
            .ValueInfo("nz", new TensorType(ElementType.Int64, TensorShape.Of(2, 5))).Output("nz").Infer();
        ShapeAssert.Shape(types, "nz", "[2,5]");
        Assert.Empty(types.Undecided);
    }

    [Fact]
    public void Weight_producers_are_inferred_even_when_listed_after_their_consumers()
    {
        var types = new SpecBuilder().Input("x", 1, 3, 8, 8)
            .Node("Conv", ["x", "w"], ["y"])
            .Node("ConstantOfShape", ["w_shape"], ["w"]).Ints("w_shape", 4, 3, 3, 3)
            .Output("y").InferClean();
        ShapeAssert.Shape(types, "w", "[4,3,3,3]");
        ShapeAssert.Shape(types, "y", "[1,4,6,6]");
    }

    [Fact]
    public void Every_listed_op_has_a_rule()
    {
        string[] required =
        [
            "Conv", "ConvTranspose", "Gemm", "MatMul", "MaxPool", "AveragePool", "LpPool", "GlobalAveragePool", "GlobalMaxPool",
            "BatchNormalization", "LRN", "Dropout", "Add", "Sub", "Mul", "Div", "Pow", "Max", "Min", "Sum", "Mean", "Equal",
            "Less", "Greater", "And", "Or", "Where", "Relu", "LeakyRelu", "Sigmoid", "Tanh", "Clip", "Exp", "Log", "Sqrt", "Abs",
            "Neg", "Erf", "HardSigmoid", "Softplus", "Elu", "Selu", "PRelu", "Cast", "Identity", "Concat", "Split", "Slice",
            "Reshape", "Flatten", "Transpose", "Squeeze", "Unsqueeze", "Resize", "Upsample", "Pad", "Softmax", "LogSoftmax",
            "LayerNormalization", "ReduceMean", "ReduceSum", "Gather", "Shape", "Size", "Constant", "ConstantOfShape", "Expand",
            "Tile", "ArgMax", "ArgMin", "TopK", "Range", "NonZero",
        ];
        var missing = required.Where(op => PartitionCompiler.Partitioning.Shapes.ShapeRules.Find("", op) is null).ToArray();
        Assert.True(missing.Length == 0, "no rule for " + string.Join(", ", missing));
    }
}
