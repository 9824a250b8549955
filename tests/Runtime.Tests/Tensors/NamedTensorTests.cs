using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using PartitionCompiler.Runtime.Tensors;
using ElementType = PartitionCompiler.Runtime.Tensors.ElementType;

namespace PartitionCompiler.Runtime.Tests.Tensors;

public sealed class NamedTensorTests
{
    public static TheoryData<ElementType> AllTypes() => [.. ElementTypes.All];

    [Fact]
    public void Create_and_ToArray_round_trip_values_and_shape()
    {
        var tensor = NamedTensor.Create("x", new[] { 1L, -2L, 3L, 4L, 5L, 6L }, 2, 3);

        Assert.Equal(ElementType.Int64, tensor.ElementType);
        Assert.Equal([2L, 3L], tensor.Shape);
        Assert.Equal(6, tensor.ElementCount);
        Assert.Equal(48, tensor.ByteLength);
        Assert.Equal([1L, -2L, 3L, 4L, 5L, 6L], tensor.ToArray<long>());
        Assert.Equal("x: int64[2, 3]", tensor.ToString());
    }

    [Fact]
    public void Invalid_tensors_are_refused_with_argument_exceptions()
    {
        Assert.Throws<ArgumentException>(() => NamedTensor.Create("x", new float[5], 2, 3));
        Assert.Throws<ArgumentException>(() => NamedTensor.Create("x", Array.Empty<float>(), -1, 0));
        Assert.Throws<ArgumentException>(() => NamedTensor.Create("", new float[1], 1));
        Assert.Throws<ArgumentException>(() => new NamedTensor("x", ElementType.Bool, [2], [0, 2]));
        Assert.Throws<ArgumentException>(() => new NamedTensor("x", ElementType.Float32, [1L << 40, 1L << 40], []));
        Assert.Throws<ArgumentOutOfRangeException>(() => new NamedTensor("x", (ElementType)8, [1], [0]));
        Assert.Throws<InvalidOperationException>(() => NamedTensor.Create("x", new float[1], 1).ToArray<int>());
    }

    [Fact]
    public void Zero_size_dimension_makes_an_empty_tensor_even_after_huge_dimensions()
    {
        var tensor = new NamedTensor("x", ElementType.Float32, [1L << 40, 1L << 40, 0], []);

        Assert.Equal(0, tensor.ElementCount);
    }

    [Fact]
    public void Half_and_Float16_and_BFloat16_map_to_their_element_types()
    {
        Assert.Equal(ElementType.Float16, NamedTensor.Scalar("h", (Half)1.5f).ElementType);
        Assert.Equal(ElementType.Float16, NamedTensor.Scalar("h", (Float16)1.5f).ElementType);
        Assert.Equal(ElementType.BFloat16, NamedTensor.Scalar("b", (BFloat16)1.5f).ElementType);
        Assert.Equal(ElementType.Bool, NamedTensor.Scalar("b", true).ElementType);
        Assert.Equal(ElementTypes.Parse("uint64"), ElementTypes.Of<ulong>());
        Assert.Throws<FormatException>(() => ElementTypes.Parse("string"));
    }

    [Theory]
    [MemberData(nameof(AllTypes))]
    public void OrtValue_round_trip_keeps_every_element_type_scalars_and_zero_size(ElementType type)
    {
        var rng = new Random(7 + (int)type);
        foreach (long[] shape in new[] { new long[] { 2, 3 }, [], [4, 0], [1, 1, 5] })
        {
            NamedTensor tensor = RandomTensors.Tensor(rng, "t", type, shape);
            using OrtValue value = tensor.ToOrtValue();

            Assert.Equal((TensorElementType)(int)type, value.GetTensorTypeAndShape().ElementDataType);
            Assert.Equal(tensor, NamedTensor.FromOrtValue("t", value));
        }
    }

    [Fact]
    public void DenseTensor_round_trip_for_several_clr_types()
    {
        var floats = new DenseTensor<float>(new[] { 1f, 2f, 3f, 4f, 5f, 6f }, [3, 2]);
        NamedTensor a = NamedTensor.FromDenseTensor("a", floats);
        Assert.Equal([3L, 2L], a.Shape);
        Assert.Equal(floats.ToArray(), a.ToDenseTensor<float>().ToArray());
        Assert.Equal([3, 2], a.ToDenseTensor<float>().Dimensions.ToArray());

        var bools = new DenseTensor<bool>(new[] { true, false, true }, [3]);
        Assert.Equal(bools.ToArray(), NamedTensor.FromDenseTensor("b", bools).ToDenseTensor<bool>().ToArray());

        var halves = new DenseTensor<Float16>(new[] { (Float16)0.5f, (Float16)(-2f) }, [2]);
        Assert.Equal(halves.ToArray(), NamedTensor.FromDenseTensor("h", halves).ToDenseTensor<Float16>().ToArray());

        var bytes = new DenseTensor<sbyte>(new sbyte[] { -1, 2 }, [1, 2]);
        Assert.Equal(bytes.ToArray(), NamedTensor.FromDenseTensor("s", bytes).ToDenseTensor<sbyte>().ToArray());
    }

    [Fact]
    public void Equality_compares_name_type_shape_and_bytes()
    {
        var a = NamedTensor.Create("a", new[] { 1, 2 }, 2);

        Assert.Equal(a, NamedTensor.Create("a", new[] { 1, 2 }, 2));
        Assert.NotEqual(a, NamedTensor.Create("a", new[] { 1, 3 }, 2));
        Assert.NotEqual(a, NamedTensor.Create("a", new[] { 1, 2 }, 1, 2));
        Assert.NotEqual(a, NamedTensor.Create("a", new uint[] { 1, 2 }, 2));
        Assert.NotEqual(a, a.WithName("b"));
        Assert.Equal(a.GetHashCode(), NamedTensor.Create("a", new[] { 1, 2 }, 2).GetHashCode());
    }
}
