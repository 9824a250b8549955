using PartitionCompiler.Partitioning.Collections;
using PartitionCompiler.Partitioning.Manifest;
using PartitionCompiler.Partitioning.Plan;
using PartitionCompiler.TestSupport;
using GraphType = PartitionCompiler.Partitioning.Graph.ElementType;

namespace PartitionCompiler.Codegen.Tests.Emit;

/// <summary>
/// A small model split by hand into two stage files that share seeded weights, and the plan that describes the split.
/// Whole model: A = relu(X·W1), C = X·W3, Y = (A·W2 + C) ⊙ S. Stage 0 (glasses, the source) computes A and C; the
/// transfer to stage 1 (phone) carries both and relays the graph input S, which only stage 1 reads. Tensor names carry punctuation so the generated properties differ
/// from them (<c>x:0</c> becomes <c>X0</c>, <c>relu/out</c> <c>ReluOut</c>, <c>skip.c</c> <c>SkipC</c>).
/// </summary>
internal sealed class TwoStageModel : IDisposable
{
    public const int Batch = 2;
    public const int In = 4;
    public const int Hidden = 3;
    public const int Out = 5;
    public const string WholeFile = "whole/tiny.onnx";

    private readonly float[] _w1;
    private readonly float[] _w2;
    private readonly float[] _w3;

    public TwoStageModel(int seed = 11)
    {
        var rng = new Random(seed);
        _w1 = Floats(rng, In * Hidden);
        _w2 = Floats(rng, Hidden * Out);
        _w3 = Floats(rng, In * Out);
        Folder = new TempFolder();

        Model().Constant("W1", _w1, [In, Hidden]).Constant("W2", _w2, [Hidden, Out]).Constant("W3", _w3, [In, Out])
            .Input("x:0", GraphType.Float32, Batch, In).Input("scale", GraphType.Float32, Batch, Out)
            .Node("MatMul", ["x:0", "W1"], ["xw1"], "mm1").Node("Relu", ["xw1"], ["relu/out"], "relu")
            .Node("MatMul", ["x:0", "W3"], ["skip.c"], "mm_skip")
            .Node("MatMul", ["relu/out", "W2"], ["aw2"], "mm2").Node("Add", ["aw2", "skip.c"], ["sum"], "add")
            .Node("Mul", ["sum", "scale"], ["y"], "mul")
            .Output("y", GraphType.Float32, Batch, Out)
            .WriteTo(Folder.File(WholeFile));

        Model().Constant("W1", _w1, [In, Hidden]).Constant("W3", _w3, [In, Out])
            .Input("x:0", GraphType.Float32, Batch, In)
            .Node("MatMul", ["x:0", "W1"], ["xw1"], "mm1").Node("Relu", ["xw1"], ["relu/out"], "relu")
            .Node("MatMul", ["x:0", "W3"], ["skip.c"], "mm_skip")
            .Output("relu/out", GraphType.Float32, Batch, Hidden).Output("skip.c", GraphType.Float32, Batch, Out)
            .WriteTo(Folder.File("glasses/tiny.stage0.onnx"));

        Model().Constant("W2", _w2, [Hidden, Out])
            .Input("relu/out", GraphType.Float32, Batch, Hidden).Input("skip.c", GraphType.Float32, Batch, Out)
            .Input("scale", GraphType.Float32, Batch, Out)
            .Node("MatMul", ["relu/out", "W2"], ["aw2"], "mm2").Node("Add", ["aw2", "skip.c"], ["sum"], "add")
            .Node("Mul", ["sum", "scale"], ["y"], "mul")
            .Output("y", GraphType.Float32, Batch, Out)
            .WriteTo(Folder.File("phone/tiny.stage1.onnx"));
    }

    public TempFolder Folder { get; }

    /// <summary>The plan of the split, as the solver would write it.</summary>
    public static PartitionPlan Plan()
    {
        EquatableArray<long> x = TestPlans.Dims(Batch, In);
        EquatableArray<long> a = TestPlans.Dims(Batch, Hidden);
        EquatableArray<long> y = TestPlans.Dims(Batch, Out);
        return new PartitionPlan(
            PartitionPlan.CurrentFormatVersion,
            new PlanModel("whole/tiny.onnx", new string('a', 64), 6),
            new string('b', 64),
            "ksp",
            "latency",
            new PlanPrediction(2.5, 0.001, 0.0025),
            EquatableArray.Create(
                TestPlans.Stage(
                    0,
                    "glasses",
                    ["mm1", "relu", "mm_skip"],
                    [PlanTensor.Input("x:0", "float32", x, null)],
                    [
                        PlanTensor.Output("relu/out", "float32", a, TestPlans.Stages(1), false),
                        PlanTensor.Output("skip.c", "float32", y, TestPlans.Stages(1), false),
                    ],
                    file: "glasses/tiny.stage0.onnx"),
                TestPlans.Stage(
                    1,
                    "phone",
                    ["mm2", "add", "mul"],
                    [
                        PlanTensor.Input("relu/out", "float32", a, 0),
                        PlanTensor.Input("skip.c", "float32", y, 0),
                        PlanTensor.Input("scale", "float32", y, null),
                    ],
                    [PlanTensor.Output("y", "float32", y, TestPlans.Stages(), true)],
                    file: "phone/tiny.stage1.onnx")),
            EquatableArray.Create(new PlanTransfer(
                0, 1, TestPlans.Names("glasses", "phone"), "glasses->phone", TestPlans.Names("scale", "relu/out", "skip.c"), 104, 1.0, 0)),
            EquatableArray<PlanAlternative>.Empty);
    }

    public static DeviceManifest Manifest() =>
        TestPlans.Manifest(["glasses", "phone"], [("glasses", "phone", 1e6, 0.001)]);

    public void Dispose() => Folder.Dispose();

    private static float[] Floats(Random rng, int count) =>
        [.. Enumerable.Range(0, count).Select(_ => (float)(rng.NextDouble() - 0.5))];

    private static OnnxModelBuilder Model() => new OnnxModelBuilder().IrVersion(8).Opset(13);
}
