using PartitionCompiler.Runtime.Plans;
using PartitionCompiler.TestSupport;
using GraphType = PartitionCompiler.Partitioning.Graph.ElementType;
using RuntimeType = PartitionCompiler.Runtime.Tensors.ElementType;

namespace PartitionCompiler.Runtime.Tests.Pipeline;

/// <summary>
/// A small model and its hand-made split into three stage files, all sharing seeded weights:
/// A = relu(X·W1) (stage 0), B = A·W2 + b (stage 1), Y = B + A·W3 (stage 2: A is a skip tensor from stage 0).
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

    /// <summary>The plan as generated code would write it, with per-hop links for throttling.</summary>
    public static PlanDescriptor Plan(double rate = 1e6, double latency = 0.005)
    {
        var f32 = RuntimeType.Float32;
        long aBytes = Batch * Hidden * 4;
        long bBytes = Batch * Out * 4;
        HopDescriptor edgePhone = new("edge", "phone", rate, latency);
        HopDescriptor phoneCloud = new("phone", "cloud", rate, latency);
        return new PlanDescriptor(
            "model",
            [
                new StageDescriptor(0, "edge", "edge/model.stage0.onnx",
                    [new StageInputDescriptor("X", f32, [Batch, In], null)],
                    [new StageOutputDescriptor("A", f32, [Batch, Hidden], [1, 2], false)],
                    0.01),
                new StageDescriptor(1, "phone", "phone/model.stage1.onnx",
                    [new StageInputDescriptor("A", f32, [Batch, Hidden], 0)],
                    [new StageOutputDescriptor("B", f32, [Batch, Out], [2], false)],
                    0.02),
                new StageDescriptor(2, "cloud", "cloud/model.stage2.onnx",
                    [new StageInputDescriptor("B", f32, [Batch, Out], 1), new StageInputDescriptor("A", f32, [Batch, Hidden], 0)],
                    [new StageOutputDescriptor("Y", f32, [Batch, Out], [], true)],
                    0.03),
            ],
            [
                new TransferDescriptor(0, 1, ["edge", "phone"], ["A"], aBytes, 1000 * (latency + (aBytes / rate)), [edgePhone]),
                new TransferDescriptor(0, 2, ["edge", "phone", "cloud"], [], aBytes, 2000 * (latency + (aBytes / rate)), [edgePhone, phoneCloud]),
                new TransferDescriptor(1, 2, ["phone", "cloud"], ["B"], bBytes, 1000 * (latency + (bBytes / rate)), [phoneCloud]),
            ],
            10.0);
    }

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
