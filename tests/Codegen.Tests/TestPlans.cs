using PartitionCompiler.Partitioning.Collections;
using PartitionCompiler.Partitioning.Diagnostics;
using PartitionCompiler.Partitioning.Manifest;
using PartitionCompiler.Partitioning.Plan;

namespace PartitionCompiler.Codegen.Tests;

/// <summary>Plans and manifests built in code for the code generator's tests.</summary>
internal static class TestPlans
{
    private static readonly SourceLocation ManifestFile = new("detector.devices.json", 1, 1);

    /// <summary>
    /// Three devices, three stages, in the cut model: the source (glasses) runs stage 0; transfer 0->1 carries the graph
    /// input <c>scale</c> (read by stage 1 only) and stage 0's two outputs (float32 and int64); transfer 1->2, over a
    /// two-hop route, carries stage 1's <c>embedding</c>, relays <c>onnx::Gather_42</c> (read by stage 1 and stage 2)
    /// and takes stage 1's graph output <c>aux_score</c> to where the plan ends, the cloud.
    /// </summary>
    public static PartitionPlan ThreeDevices() => new(
        PartitionPlan.CurrentFormatVersion,
        new PlanModel("models/detector.onnx", "4f1c0a9e7d3b2a18c6e5f4d3c2b1a0998877665544332211ffeeddccbbaa0011", 7),
        "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
        "ksp",
        "latency",
        new PlanPrediction(41.2345678, 0.0123456789, 0.0412345678),
        EquatableArray.Create(
            Stage(
                0,
                "glasses",
                ["conv1", "relu1", "pool1"],
                [PlanTensor.Input("images", "float32", Dims(1, 3, 32, 32), null)],
                [
                    PlanTensor.Output("features", "float32", Dims(1, 8, 16, 16), Stages(1), false),
                    PlanTensor.Output("onnx::Gather_42", "int64", Dims(1, 16), Stages(1, 2), false),
                ],
                predictedMs: 12.5),
            Stage(
                1,
                "phone",
                ["gather", "gemm1", "mul"],
                [
                    PlanTensor.Input("features", "float32", Dims(1, 8, 16, 16), 0),
                    PlanTensor.Input("onnx::Gather_42", "int64", Dims(1, 16), 0),
                    PlanTensor.Input("scale", "float32", Dims(1), null),
                ],
                [
                    PlanTensor.Output("embedding", "float32", Dims(1, 64), Stages(2), false),
                    PlanTensor.Output("aux_score", "float32", Dims(1, 1), Stages(), true),
                ],
                predictedMs: 3.25),
            Stage(
                2,
                "cloud",
                ["gemm2", "softmax"],
                [PlanTensor.Input("embedding", "float32", Dims(1, 64), 1), PlanTensor.Input("onnx::Gather_42", "int64", Dims(1, 16), 0)],
                [PlanTensor.Output("probs", "float32", Dims(1, 10), Stages(), true)],
                predictedMs: 0.5)),
        EquatableArray.Create(
            new PlanTransfer(0, 1, Names("glasses", "phone"), "glasses->phone", Names("scale", "features", "onnx::Gather_42"), 8324, 6.3296, 0),
            new PlanTransfer(
                1, 2, Names("phone", "relay", "cloud"), "phone->relay->cloud", Names("onnx::Gather_42", "embedding", "aux_score"), 388, 19.1169678, 0)),
        EquatableArray.Create(new PlanAlternative(2, 45.5, 0.02, 0.0455, "glasses:0-2 | cloud:3-6")));

    /// <summary>The manifest of <see cref="ThreeDevices"/>: four devices (the relay runs no stage) and four links.</summary>
    public static DeviceManifest ThreeDevicesManifest() => Manifest(
        ["glasses", "phone", "relay", "cloud"],
        [("glasses", "phone", 2.5e6, 0.003), ("phone", "relay", 1e7, 0.001), ("relay", "cloud", 625000, 0.0175), ("phone", "glasses", 2.5e6, 0.003)]);

    /// <summary>A stage with default figures.</summary>
    public static PlanStage Stage(
        int index, string device, string[] nodes, PlanTensor[] inputs, PlanTensor[] outputs, double predictedMs = 1.0, string? file = null) => new(
        index,
        device,
        file ?? $"{device}/detector.stage{index}.onnx",
        string.Empty,
        null,
        nodes,
        inputs,
        outputs,
        1e6 * (index + 1),
        1000 * (index + 1),
        4096,
        predictedMs,
        predictedMs / 1000,
        0.25,
        0.01);

    /// <summary>A manifest with the given devices and links (rate in bytes/s, latency in s).</summary>
    public static DeviceManifest Manifest(string[] devices, (string From, string To, double Rate, double Latency)[] links) => new(
        "models/detector.onnx",
        EquatableArray<InputPin>.Empty,
        PartitionStrategy.Ksp,
        ObjectiveSpec.Latency,
        DeviceManifest.DefaultAlternatives,
        devices.Select(d => new DeviceSpec(d, 1e9, null, 1.0, null, ManifestFile)).ToEquatableArray(),
        links.Select(l => new LinkSpec(l.From, l.To, l.Rate, l.Latency, null, null, ManifestFile)).ToEquatableArray(),
        devices[0],
        null,
        null);

    /// <summary>Stage indices as a value-equal array.</summary>
    public static EquatableArray<int> Stages(params int[] stages) => stages;

    /// <summary>Names as a value-equal array.</summary>
    public static EquatableArray<string> Names(params string[] names) => names;

    /// <summary>Dimensions as a value-equal array.</summary>
    public static EquatableArray<long> Dims(params long[] dims) => dims;
}
