using System.Reflection;
using PartitionCompiler.Codegen.Spec;
using PartitionCompiler.Runtime.Sessions;
using PartitionCompiler.Runtime.Tensors;

namespace PartitionCompiler.Codegen.Tests.Emit;

/// <summary>
/// Runs generated code: the two-stage plan's classes are compiled in memory together with a small driver that uses them
/// the way an app would (<c>Arrive</c> from the typed graph inputs, <c>RunAsync</c>, <c>SendAsync</c> over an in-process
/// link, <c>ReceiveAsync</c>, <c>Run</c>, <c>CollectGraphOutputs</c>), and with the plan's <c>Descriptor</c> in a
/// <c>PipelineRunner</c>. Both must give what the whole model gives.
/// </summary>
public sealed class GeneratedCodeRunsTests
{
    private const string Driver = """
        using Microsoft.ML.OnnxRuntime.Tensors;
        using PartitionCompiler.Runtime.Pipeline;
        using PartitionCompiler.Runtime.Tensors;
        using PartitionCompiler.Runtime.Transport;
        using Tiny.Partitions;

        namespace Tiny.Driver;

        /// <summary>Uses the generated API.</summary>
        public static class Program
        {
            /// <summary>Stage by stage, through the typed glue.</summary>
            public static async System.Threading.Tasks.Task<float[]> StagesAsync(string folder, float[] x, float[] scale)
            {
                TinyPlan.StageFolder = folder;
                TinyPlan.Glasses.Stage0.Arrival arrival0 = TinyPlan.Glasses.Stage0.Arrive(
                    new() { X0 = new DenseTensor<float>(x, [2, 4]), Scale = new DenseTensor<float>(scale, [2, 5]) }, sequence: 7);
                TinyPlan.Glasses.Stage0.Outputs outputs0 = await TinyPlan.Glasses.Stage0.RunAsync(arrival0.Inputs);

                await using var link = new InProcessTransport(1, "glasses->phone");
                await TinyPlan.Glasses.Stage0.SendAsync(outputs0, arrival0, link);
                TinyPlan.Phone.Stage1.Arrival arrival1 = await TinyPlan.Phone.Stage1.ReceiveAsync(link);
                if (arrival1.Sequence != 7)
                {
                    throw new System.InvalidOperationException("The sequence number did not travel with the message.");
                }

                using var session = TinyPlan.Phone.Stage1.Load(folder);
                TinyPlan.Phone.Stage1.Outputs outputs1 = TinyPlan.Phone.Stage1.Run(session, arrival1.Inputs);
                TinyPlan.GraphOutputs result = TinyPlan.Phone.Stage1.CollectGraphOutputs(outputs1, arrival1);
                return result.Y.Buffer.ToArray();
            }

            /// <summary>The whole plan in the runtime's pipeline runner.</summary>
            public static async System.Threading.Tasks.Task<float[]> RunnerAsync(string folder, float[] x, float[] scale)
            {
                using var runner = new PipelineRunner(TinyPlan.Descriptor, new PipelineRunnerOptions { StageFolder = folder });
                PipelineResult result = await runner.RunAsync([NamedTensor.Create("x:0", x, 2, 4), NamedTensor.Create("scale", scale, 2, 5)]);
                return result.Output("y").ToArray<float>();
            }
        }
        """;

    [Fact]
    public async Task Generated_stages_and_glue_reproduce_the_whole_model()
    {
        using var model = new TwoStageModel();
        MethodInfo stages = DriverMethod("StagesAsync");
        var rng = new Random(3);
        float[] x = [.. Enumerable.Range(0, TwoStageModel.Batch * TwoStageModel.In).Select(_ => (float)rng.NextDouble())];
        float[] scale = [.. Enumerable.Range(0, TwoStageModel.Batch * TwoStageModel.Out).Select(_ => (float)(rng.NextDouble() + 0.5))];

        float[] split = await (Task<float[]>)stages.Invoke(null, [model.Folder.Path, x, scale])!;

        AssertClose(Whole(model, x, scale), split);
    }

    [Fact]
    public async Task Generated_descriptor_runs_in_the_pipeline_runner()
    {
        using var model = new TwoStageModel();
        MethodInfo runner = DriverMethod("RunnerAsync");
        float[] x = [.. Enumerable.Range(0, TwoStageModel.Batch * TwoStageModel.In).Select(i => (i % 5) - 2f)];
        float[] scale = [.. Enumerable.Range(0, TwoStageModel.Batch * TwoStageModel.Out).Select(i => 0.25f * (i + 1))];

        float[] split = await (Task<float[]>)runner.Invoke(null, [model.Folder.Path, x, scale])!;

        AssertClose(Whole(model, x, scale), split);
    }

    private static MethodInfo DriverMethod(string name)
    {
        var result = CodegenSpecBuilder.Build(TwoStageModel.Plan(), TwoStageModel.Manifest(), "Tiny.Partitions", "TinyPlan");
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var compilation = GeneratedCodeCompiler.Compile(Codegen.Emit.StubEmitter.Emit(result.Spec!), strict: false, Driver);
        Assert.Empty(GeneratedCodeCompiler.Problems(compilation));
        Assembly assembly = GeneratedCodeCompiler.Load(compilation);
        return assembly.GetType("Tiny.Driver.Program", throwOnError: true)!.GetMethod(name)!;
    }

    private static float[] Whole(TwoStageModel model, float[] x, float[] scale)
    {
        using var session = new StageSession(TwoStageModel.WholeFile, model.Folder.Path);
        var outputs = session.Run(
            NamedTensor.Create("x:0", x, TwoStageModel.Batch, TwoStageModel.In),
            NamedTensor.Create("scale", scale, TwoStageModel.Batch, TwoStageModel.Out));
        return outputs.Single(t => t.Name == "y").ToArray<float>();
    }

    private static void AssertClose(float[] expected, float[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        Assert.Contains(expected, v => v != 0);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(
                Math.Abs(expected[i] - actual[i]) <= 1e-6 + (1e-5 * Math.Abs(expected[i])),
                $"element {i}: whole model {expected[i]}, stages {actual[i]}");
        }
    }
}
