using PartitionCompiler.Partitioning.Diagnostics;
using PartitionCompiler.Partitioning.Graph;
using PartitionCompiler.Partitioning.Manifest;
using PartitionCompiler.Partitioning.Shapes;

namespace PartitionCompiler.Partitioning.Tests.Shapes;

public sealed class InputPinningTests
{
    private static readonly SourceLocation Manifest = new("detector.devices.json", 3, 15);

    private static SpecBuilder Model() => new SpecBuilder().Input("images", Dim.Symbolic("batch"), 3, Dim.Symbolic("height"), Dim.Symbolic("width"))
        .Weight("w", 8, 3, 3, 3).Node("Conv", ["images", "w"], ["y"], Attr.Ints("strides", 2, 2)).Output("y");

    private static InputPin Pin(string name, params long[] dims) => new(name, dims, Manifest);

    [Fact]
    public void Symbolic_dim_zero_defaults_to_one_and_other_symbolic_dims_stay()
    {
        var types = Model().InferClean();
        ShapeAssert.Shape(types, "images", "[1,3,height,width]");
        ShapeAssert.Shape(types, "y", "[1,8,?,?]");
    }

    [Fact]
    public void A_pin_fixes_every_dim()
    {
        var types = Model().InferClean([Pin("images", 2, 3, 417, 416)]);
        ShapeAssert.Shape(types, "y", "[2,8,208,207]");
    }

    [Fact]
    public void Pin_for_an_unknown_input_is_PC0120_at_the_pin()
    {
        var (_, bag, _) = Model().Infer([Pin("image", 1, 3, 4, 4)]);
        var diagnostic = ShapeAssert.Single(bag, "PC0120");
        Assert.Equal(Manifest, diagnostic.Location);
        Assert.Contains("'images'", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Pin_of_the_wrong_rank_is_PC0121()
    {
        var (types, bag, _) = Model().Infer([Pin("images", 3, 416, 416)]);
        var diagnostic = ShapeAssert.Single(bag, "PC0121");
        Assert.Equal(3, diagnostic.Location?.Line);
        Assert.Contains("rank 4", diagnostic.Message, StringComparison.Ordinal);
        ShapeAssert.Shape(types, "images", "[1,3,height,width]");
    }

    [Fact]
    public void Pin_contradicting_a_fixed_dim_is_PC0122()
    {
        var (_, bag, _) = Model().Infer([Pin("images", 1, 4, 416, 416)]);
        Assert.Contains("fixes that dim to 3", ShapeAssert.Single(bag, "PC0122").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Pin_with_a_zero_dim_is_PC0127()
    {
        var (_, bag, _) = Model().Infer([Pin("images", 1, 3, 0, 416)]);
        ShapeAssert.Single(bag, "PC0127");
    }

    [Fact]
    public void Planning_check_names_the_first_unpinned_dim_PC0123()
    {
        var (types, _, graph) = Model().Infer();
        var bag = new DiagnosticBag();
        Assert.False(ShapeInference.RequireStaticShapes(graph, types, bag, new SourceLocation("m.onnx")));
        var diagnostic = ShapeAssert.Single(bag, "PC0123");
        Assert.Equal(
            "input 'images' dim 2 is symbolic ('height'); planning needs every dim: pin it with --input images=1x3x<height>x<width> or the manifest's \"inputs\"",
            diagnostic.Message);
    }

    [Fact]
    public void Planning_check_passes_when_pinned()
    {
        var (types, _, graph) = Model().Infer([Pin("images", 1, 3, 64, 64)]);
        var bag = new DiagnosticBag();
        Assert.True(ShapeInference.RequireStaticShapes(graph, types, bag));
        Assert.Empty(bag.Items);
    }

    [Fact]
    public void Planning_check_names_an_undecided_tensor_PC0124()
    {
        var (types, _, graph) = new SpecBuilder().Input("x", 3, 4).Node("NonZero", ["x"], ["nz"]).Node("Transpose", ["nz"], ["t"]).Output("t").Infer();
        var bag = new DiagnosticBag();
        Assert.False(ShapeInference.RequireStaticShapes(graph, types, bag));
        var diagnostic = ShapeAssert.Single(bag, "PC0124");
        Assert.StartsWith("the size of tensor 'nz' (output of node 'nz' (NonZero)) is unknown after shape inference (and 1 more: 't')", diagnostic.Message, StringComparison.Ordinal);
    }
}
