using System.Security.Cryptography;
using Google.Protobuf;
using PartitionCompiler.OnnxSplitter.Proto;
using PartitionCompiler.OnnxSplitter.SubModels;
using PartitionCompiler.Partitioning.Collections;
using PartitionCompiler.Partitioning.Diagnostics;
using PartitionCompiler.Partitioning.Graph;
using PartitionCompiler.TestSupport;

namespace PartitionCompiler.OnnxSplitter.Tests.SubModels;

/// <summary>What a stage model holds (DESIGN.md section 7): envelope, nodes, weights, value_info, metadata, file names.</summary>
public sealed class SubModelStructureTests
{
    [Fact]
    public void Stage_models_keep_the_envelope_and_carry_exactly_the_three_partition_metadata_entries()
    {
        var proto = ModelRecipes.ResidualBlock().Producer("exporter").Opset(13).Opset(1, "com.example").Build();
        proto.ProducerVersion = "2.1";
        proto.ModelVersion = 7;
        proto.DocString = "a residual block";
        proto.MetadataProps.Add(new StringStringEntryProto { Key = "author", Value = "someone" });
        proto.MetadataProps.Add(new StringStringEntryProto { Key = "license", Value = "MIT" });
        var model = ReadBytes(proto.ToByteArray());

        var set = Stages.Build(model, Stages.Plan(model, 2));

        Assert.Equal(2, set.Stages.Count);
        foreach (var stage in set.Stages)
        {
            var stageModel = Stages.Parse(stage);
            Assert.Equal(proto.IrVersion, stageModel.IrVersion);
            Assert.Equal(proto.OpsetImport, stageModel.OpsetImport);
            Assert.Equal("exporter", stageModel.ProducerName);
            Assert.Equal("2.1", stageModel.ProducerVersion);
            Assert.Equal(7, stageModel.ModelVersion);
            Assert.Equal(proto.Graph.Name, stageModel.Graph.Name);
            Assert.Equal(
                [("partition.model_sha256", model.Sha256), ("partition.stage", stage.StageIndex.ToString()), ("partition.device", $"d{stage.StageIndex}")],
                stageModel.MetadataProps.Select(m => (m.Key, m.Value)));
        }
    }

    [Fact]
    public void Each_stage_holds_its_nodes_in_order_under_their_names_and_only_the_weights_they_read()
    {
        var model = Stages.Read(ModelRecipes.ResidualBlock());

        var set = Stages.Build(model, Stages.Plan(model, 2));

        var first = Stages.Parse(set.Stages[0]).Graph;
        var second = Stages.Parse(set.Stages[1]).Graph;
        Assert.Equal(["conv1", "bn1", "relu1"], first.Node.Select(n => n.Name));
        Assert.Equal(["conv2", "bn2", "add", "relu2"], second.Node.Select(n => n.Name));
        Assert.Equal(["conv1.weight", "bn1.weight", "bn1.bias", "bn1.running_mean", "bn1.running_var"], first.Initializer.Select(i => i.Name));
        Assert.Equal(["conv2.weight", "bn2.weight", "bn2.bias", "bn2.running_mean", "bn2.running_var"], second.Initializer.Select(i => i.Name));
        Assert.Equal(["x"], first.Input.Select(i => i.Name));
        Assert.Equal(["relu1_out"], first.Output.Select(o => o.Name));
        Assert.Equal(["relu1_out", "x"], second.Input.Select(i => i.Name));
        Assert.Equal(["y"], second.Output.Select(o => o.Name));
        var input = second.Input.Single(i => i.Name == "relu1_out").Type.TensorType;
        Assert.Equal((int)ElementType.Float32, input.ElemType);
        Assert.Equal([1L, 64, 56, 56], input.Shape.Dim.Select(d => d.DimValue));
        Assert.Equal(5, set.Stages[0].InitializerCount);
        Assert.Equal(3, set.Stages[0].NodeCount);
    }

    [Fact]
    public void Stage_models_share_the_original_messages_instead_of_copying_them()
    {
        var model = Stages.Read(ModelRecipes.ResidualBlock());
        var plan = Stages.Plan(model, 3);
        var graph = GraphBuilder.Build(model.Spec, model.Location, new DiagnosticBag())!;

        var contents = SubModelBuilder.Select(model, graph, plan, new DiagnosticBag(), PlanJsonLocator.None)!;
        var stageModel = StageModelAssembler.Assemble(model.Proto, model.Sha256, contents[1], new ExternalDataLayout(new OnnxSplitter.Reading.ExternalDataFolder(model.Folder), "x.data"));

        var original = model.Proto.Graph;
        Assert.All(stageModel.Graph.Node, node => Assert.Contains(original.Node, o => ReferenceEquals(o, node)));
        Assert.All(stageModel.Graph.Initializer, tensor => Assert.Contains(original.Initializer, o => ReferenceEquals(o, tensor)));
        Assert.All(stageModel.OpsetImport, opset => Assert.Contains(model.Proto.OpsetImport, o => ReferenceEquals(o, opset)));
        Assert.Equal(["bn2", "add", "relu2"], stageModel.Graph.Node.Select(n => n.Name));
    }

    [Fact]
    public void Value_info_is_kept_for_the_tensors_a_stage_computes_internally()
    {
        var builder = ModelRecipes.ResidualBlock();
        foreach (string tensor in new[] { "conv1_out", "bn1_out", "relu1_out", "conv2_out", "bn2_out", "add_out" })
        {
            builder.ValueInfo(tensor, ElementType.Float32, 1, 64, 56, 56);
        }

        var model = Stages.Read(builder);
        var set = Stages.Build(model, Stages.Plan(model, 2));

        Assert.Equal(["conv1_out", "bn1_out"], Stages.Parse(set.Stages[0]).Graph.ValueInfo.Select(v => v.Name));
        Assert.Equal(["conv2_out", "bn2_out", "add_out"], Stages.Parse(set.Stages[1]).Graph.ValueInfo.Select(v => v.Name));
    }

    [Fact]
    public void The_same_plan_gives_byte_identical_files_and_their_sha256()
    {
        var plan = Stages.Plan(Stages.Read(ModelRecipes.SqueezeNet11()), 10, 40);

        var first = Stages.Build(Stages.Read(ModelRecipes.SqueezeNet11()), plan);
        var second = Stages.Build(Stages.Read(ModelRecipes.SqueezeNet11()), plan);

        Assert.Equal(3, first.Stages.Count);
        for (int i = 0; i < 3; i++)
        {
            Assert.True(first.Stages[i].Content.Span.SequenceEqual(second.Stages[i].Content.Span));
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(first.Stages[i].Content.Span)), first.Stages[i].Sha256);
            Assert.Equal(first.Stages[i].Sha256, second.Stages[i].Sha256);
        }
    }

    [Fact]
    public void Files_go_to_device_folders_under_the_model_stem_and_the_plan_records_them()
    {
        var model = Stages.Read(ModelRecipes.ResidualBlock(), "models/block.onnx");
        var plan = new TestSupport.Partitions.CutPlans(model).Plan([1, 4], ["glasses", "phone", "cloud"]);

        var set = Stages.Build(model, plan);
        var recorded = set.ApplyTo(plan);

        Assert.Equal(["glasses/block.stage0.onnx", "phone/block.stage1.onnx", "cloud/block.stage2.onnx"], set.Stages.Select(s => s.RelativePath));
        Assert.Equal(set.Stages.Select(s => s.RelativePath), recorded.Stages.Select(s => s.File));
        Assert.Equal(set.Stages.Select(s => s.Sha256), recorded.Stages.Select(s => s.Sha256));
        Assert.All(recorded.Stages, s => Assert.Null(s.DataSha256));

        // A file the plan already names is kept.
        var renamed = plan with { Stages = plan.Stages.Select(s => s with { File = $"custom/{s.Device}-{s.Index}.onnx" }).ToEquatableArray() };
        Assert.Equal(["custom/glasses-0.onnx", "custom/phone-1.onnx", "custom/cloud-2.onnx"], Stages.Build(model, renamed).Stages.Select(s => s.RelativePath));
    }

    [Fact]
    public void IR3_stage_models_list_their_initializers_among_the_graph_inputs_as_the_original_does()
    {
        var builder = ModelRecipes.ResidualBlock().IrVersion(3).Opset(9).InitializersAsInputs();
        var model = Stages.Read(builder);
        var plan = Stages.Plan(model, 2);

        var set = Stages.Build(model, plan);

        var graph = Stages.Parse(set.Stages[1]).Graph;
        Assert.Equal(3, Stages.Parse(set.Stages[1]).IrVersion);
        var initializers = graph.Initializer.Select(i => i.Name).ToList();
        Assert.Equal(["relu1_out", "x", .. initializers], graph.Input.Select(i => i.Name));
        Assert.Equal(5, initializers.Count);
        Stages.Prove(model, plan);
    }

    [Fact]
    public void Weight_producers_travel_with_the_nodes_that_read_them()
    {
        var model = Stages.Read(ModelRecipes.SqueezeNet11(WeightStyle.ConstantOfShape));
        var set = Stages.Build(model, Stages.Plan(model, 5));

        var second = Stages.Parse(set.Stages[1]).Graph;
        var fills = second.Node.Where(n => n.OpType == "ConstantOfShape").ToList();
        var read = second.Node.Where(n => n.OpType != "ConstantOfShape").SelectMany(n => n.Input).ToHashSet();
        Assert.NotEmpty(fills);
        Assert.All(fills, fill => Assert.Contains(fill.Output[0], read));
        Assert.Equal(fills.Select(f => f.Input[0]).Order(StringComparer.Ordinal), second.Initializer.Select(i => i.Name).Order(StringComparer.Ordinal));
        Assert.Equal(fills.Count, second.Node.TakeWhile(n => n.OpType == "ConstantOfShape").Count());
    }

    private static OnnxSplitter.Reading.OnnxModel ReadBytes(byte[] bytes)
    {
        var diagnostics = new DiagnosticBag();
        var model = OnnxSplitter.Reading.OnnxModelReader.Read(bytes, "model.onnx", Path.GetTempPath(), diagnostics);
        Assert.True(model is not null, Stages.Describe(diagnostics));
        return model!;
    }
}
