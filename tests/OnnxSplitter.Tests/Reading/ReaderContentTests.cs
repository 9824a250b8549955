using System.Security.Cryptography;
using PartitionCompiler.OnnxSplitter.Proto;
using PartitionCompiler.Partitioning.Collections;
using PartitionCompiler.Partitioning.Graph;
using PartitionCompiler.TestSupport;

namespace PartitionCompiler.OnnxSplitter.Tests.Reading;

/// <summary>What the reader puts into the <see cref="ModelSpec"/>: inputs, initializers, constants, types, subgraph reads.</summary>
public sealed class ReaderContentTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Model_records_path_folder_size_and_sha256_of_the_file()
    {
        string path = ModelRecipes.TwoBranchConcat().WriteTo(_folder.File("m.onnx"));

        var model = ReadResult.Of(path).Ok();

        Assert.Equal(path, model.Path);
        Assert.Equal(Path.GetFullPath(_folder.Path), model.Folder);
        Assert.Equal(new FileInfo(path).Length, model.FileBytes);
        using var stream = File.OpenRead(path);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(stream)), model.Sha256);
        Assert.Matches("^[0-9a-f]{64}$", model.Sha256);
    }

    [Fact]
    public void Spec_keeps_graph_name_ir_opsets_producer_and_nodes_in_file_order()
    {
        var builder = ModelRecipes.TwoBranchConcat().Opset(1, "com.example").Producer("exporter-x").IrVersion(9);

        var spec = ReadResult.Of(builder, _folder).Ok().Spec;

        Assert.Equal("two_branch", spec.GraphName);
        Assert.Equal(9, spec.IrVersion);
        Assert.Equal("exporter-x", spec.ProducerName);
        Assert.Equal([new OpsetImport("", 13), new OpsetImport("com.example", 1)], spec.Opsets);
        Assert.Equal(13, spec.DefaultOpset);
        Assert.Equal(["left", "left.relu", "right", "right.relu", "concat", "head"], spec.Nodes.Select(n => n.Name));
        Assert.Equal(Enumerable.Range(0, 6), spec.Nodes.Select(n => n.FileIndex));
        var concat = spec.Nodes[4];
        Assert.Equal("Concat", concat.OpType);
        Assert.Equal(["left_relu", "right_relu"], concat.Inputs);
        Assert.Equal(["concat_out"], concat.Outputs);
        Assert.Equal(1, concat.Attribute("axis")?.Int);
    }

    [Fact]
    public void Ir3_initializers_listed_as_inputs_are_initializers_only()
    {
        var spec = ReadResult.Of(ModelRecipes.TwoBranchConcat().IrVersion(3).Opset(9).InitializersAsInputs(), _folder).Ok().Spec;

        Assert.Equal(["x"], spec.Inputs.Select(i => i.Name));
        Assert.Equal(6, spec.Initializers.Count);
    }

    [Fact]
    public void Ir8_input_that_is_also_an_initializer_is_an_initializer()
    {
        var spec = ReadResult.Of(ModelRecipes.TwoBranchConcat().IrVersion(8).InitializersAsInputs(), _folder).Ok().Spec;

        Assert.Equal(["x"], spec.Inputs.Select(i => i.Name));
    }

    [Theory]
    [MemberData(nameof(CorpusModels))]
    public void Corpus_model_reads_with_its_documented_input_output_and_node_count(string file)
    {
        var expected = CorpusFacts.Single(f => f.File == file);

        var model = ReadResult.Of(Corpus.RequireModel(file)).Ok();

        Assert.Equal(3, model.Spec.IrVersion);
        Assert.Equal(9, model.Spec.DefaultOpset);
        Assert.Equal(expected.Nodes, model.Spec.Nodes.Count);
        var input = Assert.Single(model.Spec.Inputs);
        Assert.Equal(expected.Input, input.Name);
        Assert.Equal(new TensorType(ElementType.Float32, TensorShape.Of(1, 3, 224, 224)), input.Type);
        Assert.Equal(expected.Output, Assert.Single(model.Spec.Outputs).Name);
        Assert.Equal(ExpectedSha256(file), model.Sha256);
    }

    public static TheoryData<string> CorpusModels => Corpus.Models;

    /// <summary>Facts from the corpus README (nodes, input, output).</summary>
    private static readonly (string File, int Nodes, string Input, string Output)[] CorpusFacts =
    [
        ("light_bvlc_alexnet.onnx", 40, "data_0", "prob_1"),
        ("light_squeezenet.onnx", 105, "data_0", "softmaxout_1"),
        ("light_zfnet512.onnx", 38, "gpu_0/data_0", "gpu_0/softmax_1"),
        ("light_vgg19.onnx", 82, "data_0", "prob_1"),
        ("light_resnet50.onnx", 415, "gpu_0/data_0", "gpu_0/softmax_1"),
        ("light_inception_v1.onnx", 237, "data_0", "prob_1"),
        ("light_inception_v2.onnx", 916, "data_0", "prob_1"),
        ("light_densenet121.onnx", 1746, "data_0", "fc6_1"),
        ("light_shufflenet.onnx", 446, "gpu_0/data_0", "gpu_0/softmax_1"),
    ];

    private static string ExpectedSha256(string file) =>
        File.ReadAllLines(Path.Combine(Corpus.Require(), "SHA256SUMS"))
            .Select(line => line.Split("  "))
            .Single(parts => parts[1] == file)[0];

    [Fact]
    public void Corpus_holds_exactly_the_listed_models()
    {
        string folder = Corpus.Require();

        Assert.Equal(Corpus.ModelFiles, Directory.GetFiles(folder, "*.onnx").Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Sparse_initializer_is_an_initializer_with_its_dense_dims_and_stored_bytes()
    {
        var model = new OnnxModelBuilder().Input("x", ElementType.Float32, 4, 4)
            .Node("Add", ["x", "sparse"], ["y"], "add").Output("y", ElementType.Float32, 4, 4).Build();
        var values = new TensorProto { Name = "sparse", DataType = (int)ElementType.Float32 };
        values.Dims.Add(3);
        values.FloatData.Add(new[] { 1f, 2f, 3f });
        var indices = new TensorProto { DataType = (int)ElementType.Int64 };
        indices.Dims.Add(3);
        indices.Int64Data.Add(new long[] { 0, 5, 15 });
        var sparse = new SparseTensorProto { Values = values, Indices = indices };
        sparse.Dims.Add(new long[] { 4, 4 });
        model.Graph.SparseInitializer.Add(sparse);

        var spec = ReadResult.OfBytes(Google.Protobuf.MessageExtensions.ToByteArray(model), _folder).Ok().Spec;

        var initializer = spec.Initializers.Single();
        Assert.Equal(("sparse", ElementType.Float32, 3L * 4 + 3 * 8), (initializer.Name, initializer.ElementType, initializer.ByteSize));
        Assert.Equal([4L, 4], initializer.Dims);
        Assert.Null(initializer.Value);
    }

    [Fact]
    public void Raw_data_and_typed_fields_give_the_same_spec()
    {
        var raw = ReadResult.Of(ModelRecipes.ResidualBlock(), _folder, "raw.onnx").Ok().Spec;
        var typed = ReadResult.Of(ModelRecipes.ResidualBlock().TypedFields(), _folder, "typed.onnx").Ok().Spec;

        Assert.Equal(raw, typed);
    }

    [Fact]
    public void Initializers_have_type_dims_and_bytes_and_small_ones_keep_values()
    {
        var builder = new OnnxModelBuilder(3).Input("x", ElementType.Float32, 1, 4096)
            .Weight("big", 4097).Weight("small", 4096).Constant("shape", [1, 64, 64])
            .Node("Reshape", ["x", "shape"], ["r"], "reshape").Output("r", ElementType.Float32, 1, 64, 64);

        var model = builder.Build();
        var spec = ReadResult.Of(builder, _folder).Ok().Spec;

        var big = spec.Initializers.Single(i => i.Name == "big");
        Assert.Equal((ElementType.Float32, 4097L * 4, false), (big.ElementType, big.ByteSize, big.IsExternal));
        Assert.Null(big.Value);
        var small = spec.Initializers.Single(i => i.Name == "small");
        Assert.Equal(4096L * 4, small.ByteSize);
        float[] written = ReadFloats(model.Graph.Initializer.Single(t => t.Name == "small"));
        Assert.Equal(written.Select(f => (double)f), small.Value!.Reals);
        var shape = spec.Initializers.Single(i => i.Name == "shape");
        Assert.Equal((ElementType.Int64, 24L), (shape.ElementType, shape.ByteSize));
        Assert.Equal([3L], shape.Dims);
        Assert.Equal([1L, 64, 64], shape.Value!.Integers);
        Assert.Equal(new TensorType(ElementType.Int64, TensorShape.Of(3)), shape.Type);
    }

    [Theory]
    [InlineData(ElementType.Float16, 2)]
    [InlineData(ElementType.BFloat16, 2)]
    [InlineData(ElementType.Float64, 8)]
    [InlineData(ElementType.Int8, 1)]
    [InlineData(ElementType.UInt8, 1)]
    [InlineData(ElementType.Int16, 2)]
    [InlineData(ElementType.UInt16, 2)]
    [InlineData(ElementType.Int32, 4)]
    [InlineData(ElementType.UInt32, 4)]
    [InlineData(ElementType.UInt64, 8)]
    [InlineData(ElementType.Bool, 1)]
    public void Small_raw_initializers_of_every_numeric_type_decode(ElementType type, int size)
    {
        // Values 0, 1, 2, 3 written little-endian in the type's own encoding.
        var raw = new byte[4 * size];
        for (int i = 0; i < 4; i++)
        {
            byte[] one = type switch
            {
                ElementType.Float16 => BitConverter.GetBytes(BitConverter.HalfToUInt16Bits((Half)i)),
                ElementType.BFloat16 => BitConverter.GetBytes((ushort)(BitConverter.SingleToInt32Bits(i) >> 16)),
                ElementType.Float64 => BitConverter.GetBytes((double)i),
                ElementType.Bool => [(byte)(i % 2)],
                _ => BitConverter.GetBytes((long)i)[..size],
            };
            one.CopyTo(raw, i * size);
        }

        var builder = new OnnxModelBuilder().Input("x", type, 4).Constant("c", type, [4], raw)
            .Node("Add", ["x", "c"], ["y"], "add").Output("y", type, 4);
        var value = ReadResult.Of(builder, _folder).Ok().Spec.Initializers.Single().Value!;

        if (type.IsFloatingPoint())
        {
            Assert.Equal([0.0, 1, 2, 3], value.Reals);
        }
        else if (type == ElementType.Bool)
        {
            Assert.Equal([0L, 1, 0, 1], value.Integers);
        }
        else
        {
            Assert.Equal([0L, 1, 2, 3], value.Integers);
        }
    }

    [Fact]
    public void Symbolic_dims_keep_their_names_and_unnamed_ones_stay_symbolic()
    {
        var builder = new OnnxModelBuilder().Input("x", ElementType.Float32, Dim.Symbolic("batch"), 3, Dim.Symbolic())
            .InputWithoutShape("z", ElementType.Int64)
            .Node("Relu", ["x"], ["y"], "relu").Output("y", ElementType.Float32, Dim.Symbolic("batch"), 3, Dim.Symbolic("w"))
            .ValueInfo("y", ElementType.Float32, Dim.Symbolic("batch"), 3, 7);

        var spec = ReadResult.Of(builder, _folder).Ok().Spec;

        var x = spec.Inputs[0].Type!;
        Assert.Equal([Dim.Symbolic("batch"), Dim.Known(3), Dim.Symbolic()], x.Shape!.Dims);
        Assert.Null(x.Shape.ElementCount);
        Assert.Null(x.Bytes);
        Assert.Equal(new TensorType(ElementType.Int64, null), spec.Inputs[1].Type);
        Assert.Equal([Dim.Symbolic("batch"), Dim.Known(3), Dim.Symbolic("w")], spec.Outputs[0].Type!.Shape!.Dims);
        Assert.Equal(new ValueSpec("y", new TensorType(ElementType.Float32,
            new TensorShape(EquatableArray.Create(Dim.Symbolic("batch"), Dim.Known(3), Dim.Known(7))))), spec.ValueInfos.Single());
    }

    [Fact]
    public void Constant_nodes_keep_every_kind_of_value()
    {
        var builder = new OnnxModelBuilder().Input("x", ElementType.Float32, 2)
            .Node("Constant", [], ["t"], "t", OnnxAttribute.Tensor("value", [2], [1.5f, -2f]))
            .Node("Constant", [], ["ti"], "ti", OnnxAttribute.Tensor("value", [3], [4L, 5, 6]))
            .Node("Constant", [], ["f"], "f", OnnxAttribute.Float("value_float", 0.25f))
            .Node("Constant", [], ["fs"], "fs", OnnxAttribute.Floats("value_floats", 1f, 2f))
            .Node("Constant", [], ["i"], "i", OnnxAttribute.Int("value_int", 7))
            .Node("Constant", [], ["is"], "is", OnnxAttribute.Ints("value_ints", 8, 9))
            .Node("Constant", [], ["s"], "s", OnnxAttribute.String("value_string", "hello"))
            .Node("Constant", [], ["ss"], "ss", OnnxAttribute.Strings("value_strings", "a", "b"))
            .Node("Add", ["x", "t"], ["y"], "add").Output("y", ElementType.Float32, 2);

        var nodes = ReadResult.Of(builder, _folder).Ok().Spec.Nodes;

        var t = nodes[0].Attribute("value")!;
        Assert.Equal(AttributeKind.Tensor, t.Kind);
        Assert.Equal(ConstantTensor.FromReals(ElementType.Float32, [2], [1.5, -2]), t.Tensor);
        Assert.Equal(ConstantTensor.FromIntegers(ElementType.Int64, [3], [4, 5, 6]), nodes[1].Attribute("value")!.Tensor);
        Assert.Equal((AttributeKind.Float, 0.25), (nodes[2].Attribute("value_float")!.Kind, nodes[2].Attribute("value_float")!.Float));
        Assert.Equal([1.0, 2.0], nodes[3].Attribute("value_floats")!.Floats);
        Assert.Equal((AttributeKind.Int, 7L), (nodes[4].Attribute("value_int")!.Kind, nodes[4].Attribute("value_int")!.Int));
        Assert.Equal([8L, 9], nodes[5].Attribute("value_ints")!.Ints);
        Assert.Equal("hello", nodes[6].Attribute("value_string")!.String);
        Assert.Equal(["a", "b"], nodes[7].Attribute("value_strings")!.Strings);
    }

    [Fact]
    public void Large_tensor_attribute_keeps_type_and_dims_but_no_values()
    {
        var builder = new OnnxModelBuilder().Input("x", ElementType.Float32, 10000)
            .WeightsAs(WeightStyle.ConstantNode).Weight("w", 10000)
            .Node("Add", ["x", "w"], ["y"], "add").Output("y", ElementType.Float32, 10000);

        var value = ReadResult.Of(builder, _folder).Ok().Spec.Nodes[0].Attribute("value")!.Tensor!;

        Assert.Equal((ElementType.Float32, 10000L), (value.ElementType, value.ElementCount));
        Assert.True(value.Reals.IsEmpty);
    }

    [Fact]
    public void ConstantOfShape_weights_keep_their_fill_and_shape_values()
    {
        var builder = new OnnxModelBuilder().Input("x", ElementType.Float32, 1, 8)
            .WeightsAs(WeightStyle.ConstantOfShape).Weight("w", 8, 8)
            .Node("MatMul", ["x", "w"], ["y"], "mm").Output("y", ElementType.Float32, 1, 8);

        var spec = ReadResult.Of(builder, _folder).Ok().Spec;

        var fill = spec.Nodes[0];
        Assert.Equal(("ConstantOfShape", "w__SHAPE"), (fill.OpType, fill.Inputs.Single()));
        Assert.Equal(0.02f, (float)fill.Attribute("value")!.Tensor!.Reals.Single());
        Assert.Equal([8L, 8], spec.Initializers.Single(i => i.Name == "w__SHAPE").Value!.Integers);
    }

    [Fact]
    public void Attributes_without_a_type_field_get_their_kind_from_the_field_that_is_set()
    {
        var builder = new OnnxModelBuilder().Input("x", ElementType.Float32, 1, 4)
            .Node("Flatten", ["x"], ["f"], "flatten", OnnxAttribute.Int("axis", 1).WithoutTypeField())
            .Node("LeakyRelu", ["f"], ["y"], "leaky", OnnxAttribute.Float("alpha", 0.5f).WithoutTypeField())
            .Node("Transpose", ["y"], ["t"], "transpose", OnnxAttribute.Ints("perm", 1, 0).WithoutTypeField())
            .Output("t", ElementType.Float32, 4, 1);

        var nodes = ReadResult.Of(builder, _folder).Ok().Spec.Nodes;

        Assert.Equal((AttributeKind.Int, 1L), (nodes[0].Attributes[0].Kind, nodes[0].Attributes[0].Int));
        Assert.Equal((AttributeKind.Float, 0.5), (nodes[1].Attributes[0].Kind, nodes[1].Attributes[0].Float));
        Assert.Equal(AttributeKind.Ints, nodes[2].Attributes[0].Kind);
        Assert.Equal([1L, 0], nodes[2].Attributes[0].Ints);
    }

    [Fact]
    public void External_data_gives_sizes_and_small_values_without_the_weights()
    {
        var builder = new OnnxModelBuilder(5).Input("x", ElementType.Float32, 1, 5000)
            .Weight("w", 5000).Constant("shape", [50L, 100])
            .Node("Add", ["x", "w"], ["s"], "add").Node("Reshape", ["s", "shape"], ["y"], "reshape")
            .Output("y", ElementType.Float32, 50, 100).ExternalData("data/w.bin");
        string path = builder.WriteTo(_folder.File("m.onnx"));

        var spec = ReadResult.Of(path).Ok().Spec;

        var w = spec.Initializers.Single(i => i.Name == "w");
        Assert.Equal((true, 20000L), (w.IsExternal, w.ByteSize));
        Assert.Null(w.Value);
        var shape = spec.Initializers.Single(i => i.Name == "shape");
        Assert.True(shape.IsExternal);
        Assert.Equal([50L, 100], shape.Value!.Integers);
        Assert.True(new FileInfo(path).Length < 2000);
    }

    [Fact]
    public void Model_with_more_than_2_GiB_of_external_weights_reads_without_loading_them()
    {
        const long elements = 3L << 28; // 805,306,368 float32 = 3 GiB
        string data = _folder.File("huge.bin");
        using (var stream = new FileStream(data, FileMode.Create))
        {
            stream.SetLength(elements * 4); // sparse on disk
        }

        var model = ReaderDiagnosticsTests.ExternalInitializerModel("huge.bin", 0, elements * 4, elements);

        var spec = ReadResult.OfBytes(Google.Protobuf.MessageExtensions.ToByteArray(model), _folder).Ok().Spec;

        var huge = spec.Initializers.Single(i => i.Name == "ext");
        Assert.Equal((elements * 4, true), (huge.ByteSize, huge.IsExternal));
        Assert.Null(huge.Value);
    }

    private static float[] ReadFloats(TensorProto tensor)
    {
        var span = tensor.RawData.Span;
        var values = new float[span.Length / 4];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = BitConverter.ToSingle(span.Slice(i * 4, 4));
        }

        return values;
    }
}
