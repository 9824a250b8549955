using PartitionCompiler.Runtime.Plans;
using PartitionCompiler.TestSupport;
using GraphType = PartitionCompiler.Partitioning.Graph.ElementType;
using RuntimeType = PartitionCompiler.Runtime.Tensors.ElementType;

namespace PartitionCompiler.Runtime.Tests.Pipeline;

/// <summary>
/// A small model and its hand-made split into three stage files, all sharing seeded weights:
/// A = relu(X·W1) (stage 0), B = A·W2 + b (stage 1), Y = B + A·W3 (stage 2: A is a skip tensor from stage 0), and
/// plans of that split in the cut model.
/// </summary>
internal sealed class ThreeStageModel : IDisposable
{
    public const string WholeFile = "whole/model.onnx";
    private const int Batch = 2;
    private const int In = 4;
    private const int Hidden = 3;
    private const int Out = 5;

    private readonly float[] _w1;
    private readonly float[] _w2;
    private readonly float[] _b;
    private readonly float[] _w3;

    public ThreeStageModel(int seed = 5)
    {
        var rng = new Random(seed);
        _w1 = Floats(rng, In * Hidden);
        _w2 = Floats(rng, Hidden * Out);
        _b = Floats(rng, Out);
        _w3 = Floats(rng, Hidden * Out);
        Folder = new TempFolder();

        Model("W1", "W2", "b", "W3").Input("X", GraphType.Float32, Batch, In)
            .Node("MatMul", ["X", "W1"], ["XW1"], "mm1").Node("Relu", ["XW1"], ["A"], "relu")
            .Node("MatMul", ["A", "W2"], ["AW2"], "mm2").Node("Add", ["AW2", "b"], ["B"], "add_b")
            .Node("MatMul", ["A", "W3"], ["AW3"], "mm3").Node("Add", ["B", "AW3"], ["Y"], "add_skip")
            .Output("Y", GraphType.Float32, Batch, Out)
            .WriteTo(Folder.File(WholeFile));

        Model("W1").Input("X", GraphType.Float32, Batch, In)
            .Node("MatMul", ["X", "W1"], ["XW1"], "mm1").Node("Relu", ["XW1"], ["A"], "relu")
            .Output("A", GraphType.Float32, Batch, Hidden)
            .WriteTo(Folder.File("edge/model.stage0.onnx"));

        Model("W2", "b").Input("A", GraphType.Float32, Batch, Hidden)
            .Node("MatMul", ["A", "W2"], ["AW2"], "mm2").Node("Add", ["AW2", "b"], ["B"], "add_b")
            .Output("B", GraphType.Float32, Batch, Out)
            .WriteTo(Folder.File("phone/model.stage1.onnx"));

        Model("W3").Input("B", GraphType.Float32, Batch, Out).Input("A", GraphType.Float32, Batch, Hidden)
            .Node("MatMul", ["A", "W3"], ["AW3"], "mm3").Node("Add", ["B", "AW3"], ["Y"], "add_skip")
            .Output("Y", GraphType.Float32, Batch, Out)
            .WriteTo(Folder.File("cloud/model.stage2.onnx"));
    }

    public TempFolder Folder { get; }

    public static long[] InputShape => [Batch, In];

    /// <summary>
    /// The plan as the solver would write it, with per-hop links for throttling: stage 0 on <paramref name="devices"/>[0],
    /// stage 1 on [1], stage 2 on [2]. A is a skip tensor: it crosses both cuts, so it rides through stage 1's device.
    /// </summary>
    public static PlanDescriptor Plan(double rate = 1e6, double latency = 0.005, string[]? devices = null)
    {
        string[] on = devices ?? ["edge", "phone", "cloud"];
        return new PlanDescriptor(
            "model",
            Stages(on),
            [
                Transfer(0, 1, [on[0], on[1]], ["A"], rate, latency),
                Transfer(1, 2, [on[1], on[2]], ["A", "B"], rate, latency),
            ],
            10.0);
    }

    /// <summary>
    /// The graph input comes from a <c>sensor</c> that runs no stage (input transfer to the edge), and the output goes
    /// back to it from the cloud through the phone (a two-hop output transfer).
    /// </summary>
    public static PlanDescriptor PlanWithSourceAndSink(double rate = 1e6, double latency = 0.005)
    {
        string[] on = ["edge", "phone", "cloud"];
        return new PlanDescriptor(
            "model",
            Stages(on),
            [
                Transfer(null, 0, ["sensor", "edge"], ["X"], rate, latency),
                Transfer(0, 1, ["edge", "phone"], ["A"], rate, latency),
                Transfer(1, 2, ["phone", "cloud"], ["A", "B"], rate, latency),
                Transfer(2, null, ["cloud", "phone", "sensor"], ["Y"], rate, latency),
            ],
            10.0);
    }

    /// <summary>A transfer with the plan's byte count and prediction for its tensors and hops.</summary>
    public static TransferDescriptor Transfer(int? from, int? to, string[] route, string[] tensors, double rate = 1e6, double latency = 0.005)
    {
        long bytes = tensors.Sum(t => Bytes(t));
        HopDescriptor[] hops = [.. route.Zip(route.Skip(1), (a, b) => new HopDescriptor(a, b, rate, latency))];
        return new TransferDescriptor(from, to, route, tensors, bytes, hops.Sum(h => h.TransferTime(bytes).TotalMilliseconds), hops);
    }

    private static StageDescriptor[] Stages(string[] devices)
    {
        var f32 = RuntimeType.Float32;
        return
        [
            new StageDescriptor(0, devices[0], "edge/model.stage0.onnx",
                [new StageInputDescriptor("X", f32, [Batch, In], null)],
                [new StageOutputDescriptor("A", f32, [Batch, Hidden], [1, 2], false)],
                0.01),
            new StageDescriptor(1, devices[1], "phone/model.stage1.onnx",
                [new StageInputDescriptor("A", f32, [Batch, Hidden], 0)],
                [new StageOutputDescriptor("B", f32, [Batch, Out], [2], false)],
                0.02),
            new StageDescriptor(2, devices[2], "cloud/model.stage2.onnx",
                [new StageInputDescriptor("B", f32, [Batch, Out], 1), new StageInputDescriptor("A", f32, [Batch, Hidden], 0)],
                [new StageOutputDescriptor("Y", f32, [Batch, Out], [], true)],
                0.03),
        ];
    }

    private static long Bytes(string tensor) => tensor switch
    {
        "X" => Batch * In * 4,
        "A" => Batch * Hidden * 4,
        _ => Batch * Out * 4,
    };

    public void Dispose() => Folder.Dispose();

    private static float[] Floats(Random rng, int count) =>
        [.. Enumerable.Range(0, count).Select(_ => (float)(rng.NextDouble() - 0.5))];

    private OnnxModelBuilder Model(params string[] weights)
    {
        var builder = new OnnxModelBuilder().IrVersion(8).Opset(13);
        foreach (string weight in weights)
        {
            _ = weight switch
            {
                "W1" => builder.Constant("W1", _w1, [In, Hidden]),
                "W2" => builder.Constant("W2", _w2, [Hidden, Out]),
                "b" => builder.Constant("b", _b, [Out]),
                _ => builder.Constant("W3", _w3, [Hidden, Out]),
            };
        }

        return builder;
    }
}
