using PartitionCompiler.Runtime.Sessions;
using PartitionCompiler.Runtime.Tensors;
using PartitionCompiler.Runtime.Tests.Pipeline;

namespace PartitionCompiler.Runtime.Tests.Sessions;

public sealed class StageSessionTests
{
    private static NamedTensor Input(int seed = 3)
    {
        var rng = new Random(seed);
        return NamedTensor.Create("X", [.. Enumerable.Range(0, 8).Select(_ => (float)(rng.NextDouble() * 2 - 1))], ThreeStageModel.InputShape);
    }

    [Fact]
    public void Chaining_the_stage_sessions_by_hand_equals_the_whole_model()
    {
        using var model = new ThreeStageModel();
        using var whole = new StageSession(ThreeStageModel.WholeFile, model.Folder.Path);
        using var s0 = new StageSession("edge/model.stage0.onnx", model.Folder.Path);
        using var s1 = new StageSession("phone/model.stage1.onnx", model.Folder.Path);
        using var s2 = new StageSession("cloud/model.stage2.onnx", model.Folder.Path);
        NamedTensor x = Input();

        NamedTensor a = Assert.Single(s0.Run(x));
        NamedTensor b = Assert.Single(s1.Run(a));
        NamedTensor y = Assert.Single(s2.Run(b, a));
        NamedTensor expected = Assert.Single(whole.Run(x));

        Assert.Equal("Y", y.Name);
        Assert.Equal(expected.Shape, y.Shape);
        AssertClose(expected.ToArray<float>(), y.ToArray<float>());
        Assert.Equal(["B", "A"], s2.InputNames);
        Assert.Equal(["Y"], s2.OutputNames);
    }

    [Fact]
    public void A_session_is_reused_across_runs_and_returns_the_outputs_asked_for()
    {
        using var model = new ThreeStageModel();
        using var s0 = new StageSession("edge/model.stage0.onnx", model.Folder.Path);

        IReadOnlyList<NamedTensor> first = s0.Run([Input(1)], ["A"]);
        IReadOnlyList<NamedTensor> second = s0.Run([Input(2), NamedTensor.Scalar("unused", 1f)], ["A"]);

        Assert.NotEqual(first[0], second[0]);
        Assert.Equal(first[0], s0.Run(Input(1))[0]);
    }

    [Fact]
    public void Missing_or_mistyped_inputs_and_unknown_outputs_are_argument_errors()
    {
        using var model = new ThreeStageModel();
        using var s0 = new StageSession("edge/model.stage0.onnx", model.Folder.Path);

        Assert.Contains("needs input 'X'", Assert.Throws<ArgumentException>(() => s0.Run(NamedTensor.Scalar("Z", 1f))).Message, StringComparison.Ordinal);
        Assert.Contains("float32", Assert.Throws<ArgumentException>(() => s0.Run(NamedTensor.Create("X", new double[8], 2, 4))).Message, StringComparison.Ordinal);
        Assert.Contains("no output 'Q'", Assert.Throws<ArgumentException>(() => s0.Run([Input()], ["Q"])).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Stage_files_must_exist_and_stay_inside_the_stage_folder()
    {
        using var model = new ThreeStageModel();

        Assert.Throws<FileNotFoundException>(() => new StageSession("edge/missing.onnx", model.Folder.Path));
        Assert.Throws<ArgumentException>(() => new StageSession("../outside.onnx", model.Folder.Path));
        Assert.EndsWith(Path.Combine("partitions"), StageSession.DefaultStageFolder, StringComparison.Ordinal);
    }

    internal static void AssertClose(float[] expected, float[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(
                Math.Abs(expected[i] - actual[i]) <= 1e-5 * Math.Max(1, Math.Abs(expected[i])),
                $"Element {i}: expected {expected[i]}, got {actual[i]}.");
        }
    }
}
