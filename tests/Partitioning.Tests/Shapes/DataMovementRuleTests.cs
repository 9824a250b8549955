using PartitionCompiler.Partitioning.Graph;

namespace PartitionCompiler.Partitioning.Tests.Shapes;

public sealed class DataMovementRuleTests
{
    [Fact]
    public void Concat_adds_up_the_axis_with_a_negative_axis()
    {
        var types = new SpecBuilder().Input("a", 1, 64, 55, 55).Input("b", 1, 64, 55, 55).Input("c", 1, 64, 55, 3)
            .Node("Concat", ["a", "b"], ["ch"], Attr.Int("axis", 1)).Node("Concat", ["a", "c"], ["w"], Attr.Int("axis", -1))
            .Output("ch", "w").InferClean();
        ShapeAssert.Shape(types, "ch", "[1,128,55,55]");
        ShapeAssert.Shape(types, "w", "[1,64,55,58]");
    }

    [Fact]
    public void Concat_rank_mismatch_and_dim_mismatch_are_PC0125()
    {
        var (_, rank, _) = new SpecBuilder().Input("a", 1, 4, 5).Input("b", 1, 4).Node("Concat", ["a", "b"], ["y"], Attr.Int("axis", 1)).Output("y").Infer();
        Assert.Contains("different ranks", ShapeAssert.Single(rank, "PC0125").Message, StringComparison.Ordinal);
        var (_, dims, _) = new SpecBuilder().Input("a", 1, 4, 5).Input("b", 1, 4, 6).Node("Concat", ["a", "b"], ["y"], Attr.Int("axis", 1)).Output("y").Infer();
        ShapeAssert.Single(dims, "PC0125");
    }

    [Fact]
    public void Split_equal_attribute_input_and_num_outputs_forms()
    {
        var types = new SpecBuilder(18).Input("x", 2, 10, 4).Ints("sizes", 3, 7)
            .Node("Split", ["x"], ["e0", "e1"], Attr.Int("axis", 1))
            .Node("Split", ["x", "sizes"], ["s0", "s1"], Attr.Int("axis", -2))
            .Node("Split", ["x"], ["n0", "n1", "n2"], Attr.Int("axis", 1), Attr.Int("num_outputs", 3))
            .Output("e0", "s1", "n2").InferClean();
        ShapeAssert.Shape(types, "e1", "[2,5,4]");
        ShapeAssert.Shape(types, "s0", "[2,3,4]");
        ShapeAssert.Shape(types, "s1", "[2,7,4]");
        ShapeAssert.Shape(types, "n0", "[2,4,4]");
        ShapeAssert.Shape(types, "n2", "[2,2,4]");
        var old = new SpecBuilder(11).Input("x", 6).Node("Split", ["x"], ["a", "b"], Attr.Ints("split", 1, 5)).Output("a", "b").InferClean();
        ShapeAssert.Shape(old, "b", "[5]");
    }

    [Fact]
    public void Split_sizes_that_do_not_add_up_are_PC0125()
    {
        var (_, bag, _) = new SpecBuilder().Input("x", 6).Ints("s", 2, 2).Node("Split", ["x", "s"], ["a", "b"]).Output("a").Infer();
        ShapeAssert.Single(bag, "PC0125");
    }

    [Fact]
    public void Slice_inputs_with_int64_max_end_negative_start_and_steps()
    {
        var types = new SpecBuilder().Input("x", 1, 3, 20, 10)
            .Ints("starts", -4, 1).Ints("ends", long.MaxValue, long.MaxValue).Ints("axes", 2, -1).Ints("steps", 1, 3)
            .Node("Slice", ["x", "starts", "ends", "axes", "steps"], ["y"])
            .Ints("rs", -1).Ints("re", long.MinValue).Ints("ra", 2).Ints("rst", -2)
            .Node("Slice", ["x", "rs", "re", "ra", "rst"], ["r"])
            .Output("y", "r").InferClean();
        // Axis 2: 16..20 -> 4 elements; axis 3: 1..10 step 3 -> 1,4,7 = 3. Reverse with step -2 from 19 down to 0: 10.
        ShapeAssert.Shape(types, "y", "[1,3,4,3]");
        ShapeAssert.Shape(types, "r", "[1,3,10,10]");
    }

    [Fact]
    public void Slice_attribute_form_before_opset_10()
    {
        var types = new SpecBuilder(9).Input("x", 5, 6)
            .Node("Slice", ["x"], ["y"], Attr.Ints("starts", 1, 0), Attr.Ints("ends", 1000, -1), Attr.Ints("axes", 0, 1))
            .Output("y").InferClean();
        ShapeAssert.Shape(types, "y", "[4,5]");
    }

    [Fact]
    public void Slice_with_computed_ends_is_undecided()
    {
        var (types, bag, _) = new SpecBuilder().Input("x", 5, 6).Input("e", ElementType.Int64, 1).Ints("s", 0)
            .Node("Slice", ["x", "s", "e"], ["y"]).Node("Relu", ["y"], ["z"]).Output("z").Infer();
        Assert.Empty(bag.Items);
        Assert.Equal(["y", "z"], types.Undecided);
    }

    [Fact]
    public void Reshape_with_zero_and_minus_one()
    {
        var types = new SpecBuilder().Input("x", 2, 3, 4, 5).Ints("s", 0, -1, 5).Node("Reshape", ["x", "s"], ["y"]).Output("y").InferClean();
        ShapeAssert.Shape(types, "y", "[2,12,5]");
    }

    [Fact]
    public void Reshape_allowzero_keeps_a_zero_dim()
    {
        var types = new SpecBuilder(14).Input("x", (Dim)0, 4).Ints("s", 4, 0).Node("Reshape", ["x", "s"], ["y"], Attr.Int("allowzero", 1)).Output("y").InferClean();
        ShapeAssert.Shape(types, "y", "[4,0]");
    }

    [Fact]
    public void Reshape_errors()
    {
        var (_, twice, _) = new SpecBuilder().Input("x", 2, 6).Ints("s", -1, -1).Node("Reshape", ["x", "s"], ["y"]).Output("y").Infer();
        ShapeAssert.Single(twice, "PC0126");
        var (_, count, _) = new SpecBuilder().Input("x", 2, 6).Ints("s", 5, 2).Node("Reshape", ["x", "s"], ["y"]).Output("y").Infer();
        Assert.Contains("12 elements", ShapeAssert.Single(count, "PC0125").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Flatten_with_positive_zero_and_negative_axis()
    {
        var types = new SpecBuilder().Input("x", 2, 3, 4, 5)
            .Node("Flatten", ["x"], ["a"]).Node("Flatten", ["x"], ["b"], Attr.Int("axis", 0)).Node("Flatten", ["x"], ["c"], Attr.Int("axis", -1))
            .Output("a", "b", "c").InferClean();
        ShapeAssert.Shape(types, "a", "[2,60]");
        ShapeAssert.Shape(types, "b", "[1,120]");
        ShapeAssert.Shape(types, "c", "[24,5]");
    }

    [Fact]
    public void Transpose_default_and_explicit_perm()
    {
        var types = new SpecBuilder().Input("x", 1, 2, 3, 4)
            .Node("Transpose", ["x"], ["r"]).Node("Transpose", ["x"], ["p"], Attr.Ints("perm", 0, 2, 3, 1)).Output("r", "p").InferClean();
        ShapeAssert.Shape(types, "r", "[4,3,2,1]");
        ShapeAssert.Shape(types, "p", "[1,3,4,2]");
        var (_, bag, _) = new SpecBuilder().Input("x", 1, 2).Node("Transpose", ["x"], ["y"], Attr.Ints("perm", 0, 0)).Output("y").Infer();
        ShapeAssert.Single(bag, "PC0126");
    }

    [Fact]
    public void Squeeze_and_unsqueeze_in_attribute_and_input_forms_with_negative_axes()
    {
        var old = new SpecBuilder(11).Input("x", 1, 3, 1, 5)
            .Node("Squeeze", ["x"], ["s"], Attr.Ints("axes", -2)).Node("Unsqueeze", ["s"], ["u"], Attr.Ints("axes", 0, -1))
            .Node("Squeeze", ["x"], ["all"]).Output("u", "all").InferClean();
        ShapeAssert.Shape(old, "s", "[1,3,5]");
        ShapeAssert.Shape(old, "u", "[1,1,3,5,1]");
        ShapeAssert.Shape(old, "all", "[3,5]");
        var modern = new SpecBuilder(13).Input("x", 1, 3, 1, 5).Ints("sa", 0).Ints("ua", 1, -1)
            .Node("Squeeze", ["x", "sa"], ["s"]).Node("Unsqueeze", ["s", "ua"], ["u"]).Output("u").InferClean();
        ShapeAssert.Shape(modern, "u", "[3,1,1,5,1]");
    }

    [Fact]
    public void Squeezing_a_dim_that_is_not_one_is_PC0125()
    {
        var (_, bag, _) = new SpecBuilder(11).Input("x", 1, 3).Node("Squeeze", ["x"], ["y"], Attr.Ints("axes", 1)).Output("y").Infer();
        ShapeAssert.Single(bag, "PC0125");
    }

    [Fact]
    public void Pad_attribute_and_input_forms()
    {
        var old = new SpecBuilder(2).Input("x", 1, 3, 8, 8).Node("Pad", ["x"], ["y"], Attr.Ints("pads", 0, 0, 1, 2, 0, 0, 3, 4), Attr.String("mode", "reflect"))
            .Output("y").InferClean();
        ShapeAssert.Shape(old, "y", "[1,3,12,14]");
        var modern = new SpecBuilder(13).Input("x", 1, 3, 8, 8).Ints("p", 0, 0, 1, -1, 0, 0, 1, -1)
            .Node("Pad", ["x", "p"], ["y"], Attr.String("mode", "edge")).Output("y").InferClean();
        ShapeAssert.Shape(modern, "y", "[1,3,10,6]");
    }

    [Fact]
    public void Resize_scales_sizes_and_Upsample_attribute_form()
    {
        var types = new SpecBuilder(13).Input("x", 1, 3, 10, 15).Reals("scales", 1, 1, 2, 0.5).Ints("sizes", 1, 3, 7, 9)
            .Node("Resize", ["x", "", "scales"], ["a"], Attr.String("mode", "nearest"))
            .Node("Resize", ["x", "", "", "sizes"], ["b"], Attr.String("mode", "linear"))
            .Output("a", "b").InferClean();
        ShapeAssert.Shape(types, "a", "[1,3,20,7]");
        ShapeAssert.Shape(types, "b", "[1,3,7,9]");
        var old = new SpecBuilder(7).Input("x", 1, 3, 10, 15).Node("Upsample", ["x"], ["y"], Attr.Floats("scales", 1, 1, 2, 2)).Output("y").InferClean();
        ShapeAssert.Shape(old, "y", "[1,3,20,30]");
        var nine = new SpecBuilder(9).Input("x", 1, 3, 10, 15).Reals("s", 1, 1, 3, 3).Node("Upsample", ["x", "s"], ["y"]).Output("y").InferClean();
        ShapeAssert.Shape(nine, "y", "[1,3,30,45]");
    }

    [Fact]
    public void Gather_inserts_the_indices_shape_at_the_axis()
    {
        var types = new SpecBuilder().Input("x", 5, 6, 7).Input("i", ElementType.Int64, 2, 3)
            .Node("Gather", ["x", "i"], ["y"], Attr.Int("axis", -2)).Node("GatherElements", ["x", "x"], ["e"]).Output("y").InferClean();
        ShapeAssert.Shape(types, "y", "[5,2,3,7]");
    }

    [Fact]
    public void Reductions_with_axes_attribute_input_keepdims_and_argmax()
    {
        var types = new SpecBuilder(18).Input("x", 2, 3, 4).Ints("ax", -1)
            .Node("ReduceMean", ["x", "ax"], ["m"]).Node("ReduceSum", ["x"], ["all"], Attr.Int("keepdims", 0))
            .Node("ArgMax", ["x"], ["am"], Attr.Int("axis", 1), Attr.Int("keepdims", 0))
            .Output("m", "all", "am").InferClean();
        ShapeAssert.Shape(types, "m", "[2,3,1]");
        ShapeAssert.Shape(types, "all", "[]");
        ShapeAssert.Type(types, "am", ElementType.Int64, "[2,4]");
        var old = new SpecBuilder(11).Input("x", 2, 3, 4).Node("ReduceMax", ["x"], ["y"], Attr.Ints("axes", 0, 2), Attr.Int("keepdims", 0)).Output("y").InferClean();
        ShapeAssert.Shape(old, "y", "[3]");
    }

    [Fact]
    public void Expand_tile_topk_and_range()
    {
        var types = new SpecBuilder().Input("x", 3, 1).Ints("shape", 2, 1, 4).Ints("rep", 2, 5).Ints("k", 1).Ints("start", [], 2).Ints("limit", [], 11).Ints("delta", [], 3)
            .Node("Expand", ["x", "shape"], ["e"]).Node("Tile", ["x", "rep"], ["t"]).Node("TopK", ["e", "k"], ["v", "i"])
            .Node("Range", ["start", "limit", "delta"], ["r"])
            .Output("e", "t", "v", "i", "r").InferClean();
        ShapeAssert.Shape(types, "e", "[2,3,4]");
        ShapeAssert.Shape(types, "t", "[6,5]");
        ShapeAssert.Shape(types, "v", "[2,3,1]");
        ShapeAssert.Type(types, "i", ElementType.Int64, "[2,3,1]");
        ShapeAssert.Type(types, "r", ElementType.Int64, "[3]");
        Assert.Equal([2L, 5, 8], types.IntegerValuesOf("r"));
    }

    [Fact]
    public void DepthToSpace_and_SpaceToDepth()
    {
        var types = new SpecBuilder().Input("x", 1, 8, 3, 3).Node("DepthToSpace", ["x"], ["d"], Attr.Int("blocksize", 2))
            .Node("SpaceToDepth", ["d"], ["s"], Attr.Int("blocksize", 2)).Output("s").InferClean();
        ShapeAssert.Shape(types, "d", "[1,2,6,6]");
        ShapeAssert.Shape(types, "s", "[1,8,3,3]");
    }
}
