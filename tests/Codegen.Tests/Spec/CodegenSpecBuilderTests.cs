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
    public void Receive_takes_transferred_inputs_from_links_and_the_rest_as_parameters()
    {
        StageClassSpec stage1 = Build(TestPlans.ThreeDevices()).Stages[1];

        ReceiveSpec receive = Assert.IsType<ReceiveSpec>(stage1.Receive);
        ReceiveSourceSpec source = Assert.Single(receive.Sources);
        Assert.Equal((0, "fromStage0", "message0"), (source.FromStage, source.Parameter, source.Local));
        Assert.Equal(["features", "onnx::Gather_42"], source.Tensors);
        Assert.Equal([new ReceiveParameterSpec("scale", "scale")], receive.Parameters);
        Assert.Null(Build(TestPlans.ThreeDevices()).Stages[0].Receive);
    }

    [Fact]
    public void Sends_follow_the_plan_transfers()
    {
        CodegenSpec spec = Build(TestPlans.ThreeDevices());

        Assert.Equal([new SendSpec(1, "SendToStage1Async", TestPlans.Names("features", "onnx::Gather_42"))], spec.Stages[0].Sends);
        Assert.Equal([new SendSpec(2, "SendToStage2Async", TestPlans.Names("embedding"))], spec.Stages[1].Sends);
        Assert.Empty(spec.Stages[2].Sends);
    }

    [Fact]
    public void A_transfer_without_a_tensor_list_moves_the_outputs_that_name_its_target()
    {
        PartitionPlan plan = TestPlans.ThreeDevices();
        plan = plan with
        {
            Transfers = TestPlans.ThreeDevices().Transfers.Select(t => t with { Tensors = TestPlans.Names() }).ToArray(),
        };

        CodegenSpec spec = Build(plan);

        Assert.Equal(["features", "onnx::Gather_42"], spec.Transfers[0].Tensors);
        Assert.Equal(["embedding"], spec.Stages[1].Sends[0].Tensors);
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
