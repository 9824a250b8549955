using PartitionCompiler.Codegen.Emit;
using PartitionCompiler.Codegen.Spec;
using PartitionCompiler.Partitioning.Plan;

namespace PartitionCompiler.Codegen.Tests.Spec;

public sealed class CodegenSpecBuilderTests
{
    [Fact]
    public void Equal_inputs_give_equal_specs_and_identical_files()
    {
        // Two separately built plans and manifests: equality is by value, not by reference.
        CodegenSpec first = Build(TestPlans.ThreeDevices());
        CodegenSpec second = Build(TestPlans.ThreeDevices());

        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
        Assert.Equal(StubEmitter.Emit(first), StubEmitter.Emit(second));
    }

    [Fact]
    public void Another_class_name_gives_another_spec()
    {
        CodegenSpec spec = Build(TestPlans.ThreeDevices());
        var other = CodegenSpecBuilder.Build(TestPlans.ThreeDevices(), TestPlans.ThreeDevicesManifest(), "MyApp.Partitions", "OtherPlan");

        Assert.NotEqual(spec, other.Spec);
    }

    [Fact]
    public void Devices_that_run_a_stage_get_classes_in_manifest_order()
    {
        CodegenSpec spec = Build(TestPlans.ThreeDevices());

        Assert.Equal(["glasses", "phone", "cloud"], spec.Devices.Select(d => d.Name));
        Assert.Equal(["Glasses", "Phone", "Cloud"], spec.Devices.Select(d => d.ClassName));
        Assert.Equal(["Glasses", "Phone", "Cloud"], spec.Stages.Select(s => s.DeviceClassName));
    }

    [Fact]
    public void Figures_are_rounded_as_the_plan_file_writes_them()
    {
        CodegenSpec spec = Build(TestPlans.ThreeDevices());

        Assert.Equal(41.2346, spec.PredictedLatencyMs);
        Assert.Equal(0.0123457, spec.PredictedEnergyJ);
        Assert.Equal(19.117, spec.Transfers[1].PredictedMs);
    }

    [Fact]
    public void Hops_carry_the_manifest_links_rate_and_latency()
    {
        CodegenSpec spec = Build(TestPlans.ThreeDevices());

        Assert.Equal(
            [new HopSpec("phone", "relay", 1e7, 0.001), new HopSpec("relay", "cloud", 625000, 0.0175)],
            spec.Transfers[1].Hops);
    }

    [Fact]
    public void The_first_stage_on_the_source_arrives_from_the_graph_inputs()
    {
        CodegenSpec spec = Build(TestPlans.ThreeDevices());
        ArrivalSpec arrival = spec.Stages[0].Arrival;

        Assert.Equal("Arrive", arrival.Method);
        Assert.True(arrival.TensorsFromGraphInputs);
        Assert.Equal([new HolderSpec(HolderKind.GraphInputs, -1, "graphInputs")], arrival.Holders);
        Assert.Equal([new TensorSourceSpec("images", SourceForm.Record, "graphInputs", "Images")], arrival.Inputs);
        Assert.Equal(["images", "scale"], spec.GraphInputs.Select(t => t.Name));
        Assert.Null(spec.SendGraphInputs);
    }

    [Fact]
    public void Later_stages_receive_their_inputs_from_the_arriving_message()
    {
        StageClassSpec stage2 = Build(TestPlans.ThreeDevices()).Stages[2];

        Assert.Equal("ReceiveAsync", stage2.Arrival.Method);
        Assert.Equal("1->2", stage2.Arrival.Transfer!.Label);
        Assert.Empty(stage2.Arrival.Holders);
        Assert.Equal(
            [new TensorSourceSpec("embedding", SourceForm.Message, "message", null), new TensorSourceSpec("onnx::Gather_42", SourceForm.Message, "message", null)],
            stage2.Arrival.Inputs);
    }

    [Fact]
    public void Sends_take_own_outputs_and_relay_what_arrived()
    {
        CodegenSpec spec = Build(TestPlans.ThreeDevices());

        SendSpec send0 = spec.Stages[0].Send!;
        Assert.Equal(
            [
                new TensorSourceSpec("scale", SourceForm.ArrivalTensors, "arrival", null),
                new TensorSourceSpec("features", SourceForm.Record, "outputs", "Features"),
                new TensorSourceSpec("onnx::Gather_42", SourceForm.Record, "outputs", "OnnxGather42"),
            ],
            send0.Tensors);
        SendSpec send1 = spec.Stages[1].Send!;
        Assert.Equal(
            [
                new TensorSourceSpec("onnx::Gather_42", SourceForm.ArrivalTensors, "arrival", null),
                new TensorSourceSpec("embedding", SourceForm.Record, "outputs", "Embedding"),
                new TensorSourceSpec("aux_score", SourceForm.Record, "outputs", "AuxScore"),
            ],
            send1.Tensors);
        Assert.All([send0, send1], s => Assert.Empty(s.Holders));
        Assert.Null(spec.Stages[2].Send);
    }

    [Fact]
    public void The_last_stage_collects_its_own_and_the_relayed_graph_outputs()
    {
        CodegenSpec spec = Build(TestPlans.ThreeDevices());

        Assert.Equal(["aux_score", "probs"], spec.GraphOutputs.Select(t => t.Name));
        Assert.Equal([1, 2], spec.GraphOutputs.Select(t => t.FromStage!.Value));
        GraphOutputsSpec collect = spec.Stages[2].Collect!;
        Assert.Null(collect.Transfer);
        Assert.Equal(
            [new TensorSourceSpec("aux_score", SourceForm.ArrivalTensors, "arrival", null), new TensorSourceSpec("probs", SourceForm.Record, "outputs", "Probs")],
            collect.Outputs);
        Assert.Null(spec.Stages[1].Collect);
        Assert.Null(spec.ReceiveGraphOutputs);
    }

    [Fact]
    public void Every_plan_transfer_is_in_the_spec_with_its_ends()
    {
        CodegenSpec spec = Build(TestPlans.ThreeDevices());

        Assert.Equal(["0->1", "1->2"], spec.Transfers.Select(t => t.Label));
        Assert.Equal(TestPlans.ThreeDevices().Transfers.Select(t => t.Tensors), spec.Transfers.Select(t => t.Tensors));
    }

    [Theory]
    [InlineData("models/detector.onnx", "DetectorPlan")]
    [InlineData("C:\\models\\my-model.v2.onnx", "MyModelV2Plan")]
    [InlineData("3d_unet.onnx", "_3dUnetPlan")]
    [InlineData("сеть.onnx", "сетьPlan")]
    [InlineData("***.onnx", "ModelPlan")]
    public void Default_class_name_is_the_pascal_cased_model_stem_plus_plan(string modelPath, string className)
    {
        Assert.Equal(className, CodegenSpecBuilder.DefaultClassName(modelPath));
    }

    private static CodegenSpec Build(PartitionPlan plan)
    {
        var result = CodegenSpecBuilder.Build(plan, TestPlans.ThreeDevicesManifest(), "MyApp.Partitions", "DetectorPlan");
        Assert.Empty(result.Diagnostics);
        return result.Spec!;
    }
}
