using PartitionCompiler.OnnxSplitter.Verification;
using PartitionCompiler.Partitioning.Graph;
using PartitionCompiler.TestSupport;
using PartitionCompiler.TestSupport.Partitions;

namespace PartitionCompiler.OnnxSplitter.Tests.SubModels;

/// <summary>
/// Cuts where more than one tensor crosses, weights two stages share and nodes with subgraphs: each stage set is built
/// and proved with ONNX Runtime against the original (three seeded random inputs, default tolerance).
/// </summary>
public sealed class SubModelTopologyTests
{
    [Fact]
    public void A_residual_block_cut_in_the_middle_sends_the_activation_and_the_skip_tensor()
    {
        var model = Stages.Read(ModelRecipes.ResidualBlock());
        var plan = Stages.Plan(model, 2);

        Assert.Equal(["relu1_out", "x"], plan.Stages[1].Inputs.Select(i => i.Name));
        Assert.Equal([0, null], plan.Stages[1].Inputs.Select(i => i.FromStage));
        var report = Stages.Prove(model, plan);

        Assert.Equal(["relu1_out", "y"], report.Tensors.Select(t => t.Name));
        Assert.Equal("stage 0 -> 1", report.Tensors[0].Route);
        Assert.True(report.Tensors[0].MaxRef > 0);
    }

    [Fact]
    public void A_cut_between_concat_branches_gives_a_stage_with_two_outputs_and_one_with_two_inputs()
    {
        var model = Stages.Read(ModelRecipes.TwoBranchConcat());
        var plans = new CutPlans(model);

        // Positions: left conv, left relu, right conv, right relu, concat, head.
        var afterBranches = plans.Plan(3);
        Assert.Equal(["left_relu", "right_relu"], afterBranches.Stages[0].Outputs.Select(o => o.Name));
        Assert.Equal(["left_relu", "right_relu"], afterBranches.Stages[1].Inputs.Select(i => i.Name));
        Stages.Prove(model, afterBranches);

        // Inside the branches: the left result and the graph input cross.
        var insideBranches = plans.Plan(1);
        Assert.Equal(["x", "left_relu"], insideBranches.Stages[1].Inputs.Select(i => i.Name).Order(StringComparer.Ordinal).Reverse());
        Stages.Prove(model, insideBranches);
    }

    [Fact]
    public void A_weight_read_on_both_sides_of_a_cut_goes_to_both_stages()
    {
        var builder = new OnnxModelBuilder(21).Named("shared").Input("x", ElementType.Float32, 1, 16)
            .Weight("w", 16, 16)
            .Node("MatMul", ["x", "w"], ["h"], "first")
            .Node("Relu", ["h"], ["r"], "relu")
            .Node("MatMul", ["r", "w"], ["y"], "second")
            .Output("y", ElementType.Float32, 1, 16);
        var model = Stages.Read(builder);
        var plan = Stages.Plan(model, 1);

        var set = Stages.Build(model, plan);

        Assert.All(set.Stages, stage => Assert.Equal(["w"], Stages.Parse(stage).Graph.Initializer.Select(i => i.Name)));
        Stages.Prove(model, plan);
    }

    [Fact]
    public void A_weight_producer_read_on_both_sides_of_a_cut_goes_to_both_stages()
    {
        var builder = new OnnxModelBuilder(22).Named("shared_fill").Input("x", ElementType.Float32, 1, 16)
            .WeightsAs(WeightStyle.ConstantNode).Weight("w", 16, 16)
            .Node("MatMul", ["x", "w"], ["h"], "first")
            .Node("Tanh", ["h"], ["t"], "tanh")
            .Node("MatMul", ["t", "w"], ["y"], "second")
            .Output("y", ElementType.Float32, 1, 16);
        var model = Stages.Read(builder);
        var plan = Stages.Plan(model, 1);

        Assert.All(plan.Stages, stage => Assert.Equal("w_const", stage.Nodes[0]));
        var set = Stages.Build(model, plan);

        Assert.All(set.Stages, stage => Assert.Equal("Constant", Stages.Parse(stage).Graph.Node[0].OpType));
        Stages.Prove(model, plan);
    }

    [Fact]
    public void A_node_with_subgraphs_stays_whole_and_takes_the_weights_its_branches_read()
    {
        var model = Stages.Read(ModelRecipes.WithIf().ValueInfo("branch_out", ElementType.Float32, 1, 8));
        var plans = new CutPlans(model);

        // Positions: sum, cond, if, add, relu. Cut before the If: it reads x (a graph input) and w inside its branches.
        var beforeIf = plans.Plan(1);
        var set = Stages.Build(model, beforeIf);
        var stage = Stages.Parse(set.Stages[1]).Graph;
        var ifNode = stage.Node.Single(n => n.OpType == "If");
        Assert.Equal(model.Proto.Graph.Node.Single(n => n.OpType == "If"), ifNode);
        Assert.Equal(["w"], stage.Initializer.Select(i => i.Name));
        Assert.Contains("x", stage.Input.Select(i => i.Name));

        // Eight inputs take both branches (sum(x) > 0 and not), and both stage sets match the original on all of them.
        var options = new VerificationOptions { Runs = 8 };
        var sums = RandomSums(options);
        Assert.Contains(sums, s => s > 0);
        Assert.Contains(sums, s => s <= 0);
        Stages.Prove(model, beforeIf, options);
        Stages.Prove(model, plans.Plan(2), options);
    }

    [Fact]
    public void A_sparse_initializer_goes_to_the_stage_that_reads_it()
    {
        var proto = new OnnxModelBuilder(23).Named("sparse").Input("x", ElementType.Float32, 4, 4)
            .Node("Relu", ["x"], ["r"], "relu")
            .Node("Add", ["r", "offsets"], ["y"], "add")
            .Output("y", ElementType.Float32, 4, 4).Build();
        var values = new OnnxSplitter.Proto.TensorProto { Name = "offsets", DataType = (int)ElementType.Float32 };
        values.Dims.Add(3);
        values.FloatData.Add([0.5f, -2f, 3f]);
        var indices = new OnnxSplitter.Proto.TensorProto { DataType = (int)ElementType.Int64 };
        indices.Dims.Add(3);
        indices.Int64Data.Add([0L, 5, 15]);
        var sparse = new OnnxSplitter.Proto.SparseTensorProto { Values = values, Indices = indices };
        sparse.Dims.Add([4L, 4]);
        proto.Graph.SparseInitializer.Add(sparse);
        var diagnostics = new Partitioning.Diagnostics.DiagnosticBag();
        var model = OnnxSplitter.Reading.OnnxModelReader.Read(Google.Protobuf.MessageExtensions.ToByteArray(proto), "sparse.onnx", Path.GetTempPath(), diagnostics)!;
        var plan = Stages.Plan(model, 0);

        var set = Stages.Build(model, plan);

        Assert.Empty(Stages.Parse(set.Stages[0]).Graph.SparseInitializer);
        Assert.Equal(sparse, Stages.Parse(set.Stages[1]).Graph.SparseInitializer.Single());
        var report = Stages.Prove(model, plan);
        Assert.True(report.Tensors.Single(t => t.Name == "y").MaxRef >= 2.5);
    }

    /// <summary>sum(x) of each of the proof's random inputs for x: float32[1,8].</summary>
    private static List<float> RandomSums(VerificationOptions options)
    {
        var values = RandomInputs.Create([new GraphInputValue("x", ElementType.Float32, [1, 8])], options.Runs, options.Seed);
        try
        {
            return values.Select(v => v[0].GetTensorDataAsSpan<float>().ToArray().Sum()).ToList();
        }
        finally
        {
            foreach (var value in values.SelectMany(v => v))
            {
                value.Dispose();
            }
        }
    }
}
