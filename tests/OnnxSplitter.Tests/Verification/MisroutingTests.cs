using Google.Protobuf;
using PartitionCompiler.OnnxSplitter.Proto;
using PartitionCompiler.OnnxSplitter.Reading;
using PartitionCompiler.OnnxSplitter.SubModels;
using PartitionCompiler.OnnxSplitter.Tests.SubModels;
using PartitionCompiler.OnnxSplitter.Verification;
using PartitionCompiler.Partitioning.Diagnostics;
using PartitionCompiler.TestSupport;
using PartitionCompiler.TestSupport.Partitions;

namespace PartitionCompiler.OnnxSplitter.Tests.Verification;

/// <summary>
/// The proof catches routing mistakes on the corpus once its weights are re-filled: at cuts where two tensors of the
/// same type and shape cross, a second stage that reads one in place of the other (as a faulty emitter would wire it)
/// loads and runs, and the proof rejects it.
/// </summary>
public sealed class MisroutingTests(ITestOutputHelper output)
{
    private const int CutsPerModel = 3;

    /// <summary>Operators whose result does not depend on the order of their inputs.</summary>
    private static readonly HashSet<string> Commutative = new(StringComparer.Ordinal) { "Add", "Sum", "Mul", "Max", "Min", "Mean" };

    public static TheoryData<string> BranchingModels =>
        ["light_densenet121.onnx", "light_inception_v1.onnx", "light_inception_v2.onnx", "light_shufflenet.onnx", "light_squeezenet.onnx"];

    [Theory]
    [MemberData(nameof(BranchingModels))]
    public void A_stage_that_reads_the_wrong_tensor_of_the_right_shape_fails_the_proof(string file)
    {
        var diagnostics = new DiagnosticBag();
        var model = WeightRefill.Refill(OnnxModelReader.Read(Corpus.RequireModel(file), diagnostics)!, CorpusSweep.WeightSeed);
        var plans = new CutPlans(model);
        var swaps = FindSwaps(plans).Take(CutsPerModel).ToList();
        Assert.NotEmpty(swaps);

        var exposed = swaps.SelectMany(s => plans.ActivationsCrossing(s.Cut)).Distinct().ToList();
        var options = new VerificationOptions { Runs = 1, Sessions = SessionProfile.Plain };
        using var session = VerificationSession.Create(model, plans.Plan(swaps[0].Cut), exposed, options, diagnostics);
        Assert.True(session is not null, Stages.Describe(diagnostics));
        foreach (var (cut, a, b) in swaps)
        {
            var plan = plans.Plan(cut);
            var set = SubModelBuilder.Build(model, plans.Graph, plan, diagnostics)!;
            var correct = new DiagnosticBag();
            Assert.True(session!.Check(plan, set, correct) is { Passed: true }, Stages.Describe(correct));

            var misrouted = new DiagnosticBag();
            var report = session.Check(plan, Swap(set, a, b), misrouted);

            Assert.NotNull(report);
            Assert.False(report!.Passed, $"{file}: swapping '{a}' and '{b}' after cut {cut} passed");
            Assert.Contains(misrouted.Items, d => d.Code is "PC0420" or "PC0421");
            output.WriteLine($"{file}: cut {cut}, '{a}' <-> '{b}': rejected ({string.Join(", ", report.Tensors.Where(t => !t.Passed).Select(t => $"{t.Name} max rel {t.MaxRel:G3}"))})");
        }
    }

    /// <summary>Cuts (in a seeded order) with two crossing tensors of one type and shape whose swap changes some node's inputs.</summary>
    private static IEnumerable<(int Cut, string A, string B)> FindSwaps(CutPlans plans)
    {
        var random = new Random(5);
        foreach (int cut in Enumerable.Range(0, plans.Positions - 1).OrderBy(_ => random.Next()).ToList())
        {
            var crossing = plans.ActivationsCrossing(cut).ToList();
            var pair = crossing.SelectMany((a, i) => crossing.Skip(i + 1).Select(b => (a, b)))
                .FirstOrDefault(p => SameType(plans, p.a, p.b) && Effective(plans, cut, p.a, p.b));
            if (pair.a is not null)
            {
                yield return (cut, pair.a, pair.b);
            }
        }
    }

    private static bool SameType(CutPlans plans, string a, string b) => plans.Types.TypeOf(a) == plans.Types.TypeOf(b);

    /// <summary>True when some node after the cut reads exactly one of the two, or both in an order that matters.</summary>
    private static bool Effective(CutPlans plans, int cut, string a, string b) =>
        plans.Graph.Nodes.Where(n => n.Position > cut).Any(n =>
        {
            bool readsA = n.Spec.Inputs.Contains(a);
            bool readsB = n.Spec.Inputs.Contains(b);
            return readsA != readsB || (readsA && !Commutative.Contains(n.OpType));
        });

    /// <summary>The stage set with the last stage reading <paramref name="a"/> wherever it read <paramref name="b"/> and the other way round.</summary>
    private static SubModelSet Swap(SubModelSet set, string a, string b)
    {
        var last = set.Stages[^1];
        var model = ModelProto.Parser.ParseFrom(last.Content.Span);
        foreach (var node in model.Graph.Node)
        {
            for (int i = 0; i < node.Input.Count; i++)
            {
                node.Input[i] = node.Input[i] == a ? b : node.Input[i] == b ? a : node.Input[i];
            }
        }

        byte[] bytes = model.ToByteArray();
        var swapped = new StageModelFile(last.StageIndex, last.Device, last.RelativePath, bytes, null, last.NodeCount, last.InitializerCount);
        return new SubModelSet([.. set.Stages.Take(set.Stages.Count - 1), swapped]);
    }
}
