using System.Collections.Immutable;
using PartitionCompiler.OnnxSplitter.Reading;
using PartitionCompiler.OnnxSplitter.SubModels;
using PartitionCompiler.Partitioning.Collections;
using PartitionCompiler.Partitioning.Costs;
using PartitionCompiler.Partitioning.Diagnostics;
using PartitionCompiler.Partitioning.Graph;
using PartitionCompiler.Partitioning.Manifest;
using PartitionCompiler.Partitioning.Plan;
using PartitionCompiler.Partitioning.Profiles;
using PartitionCompiler.Partitioning.Shapes;
using PartitionCompiler.TestSupport;
using PartitionCompiler.TestSupport.Partitions;

namespace PartitionCompiler.Codegen.Tests.CutModel;

/// <summary>
/// A small residual model, planned by the K-shortest-paths solver and split into real stage files by the sub-model
/// builder. Nodes in position order: mm1 H1 = X·W1, relu1 A = relu(H1), aux Aux = sigmoid(A) (a graph output produced
/// early), mm2 H2 = A·W2, relu2 B = relu(H2), mm3 H3 = B·W3, skip C = H3 + A (A is the skip tensor), scale Y = C ⊙ S (S
/// is a graph input read only at the end). All tensors are float32 [2, 6] (48 bytes) but X, [2, 4] (32 bytes).
/// </summary>
/// <remarks>
/// Every device computes at 1 FLOP/s, so a node costs tens of seconds, except where a device's profile makes it fast
/// (1 µs); links are fast. The solver therefore places each node on the device whose profile lists it, which fixes the
/// plan's shape without fixing any of its contents: stages, inputs, transfers and their tensors are the solver's.
/// </remarks>
internal sealed class ResidualSplit : IDisposable
{
    public const string WholeFile = "residual.onnx";
    public const int Batch = 2;
    public const int In = 4;
    public const int Width = 6;

    private ResidualSplit(TempFolder folder, PartitionPlan plan, DeviceManifest manifest)
    {
        Folder = folder;
        Plan = plan;
        Manifest = manifest;
    }

    public TempFolder Folder { get; }

    /// <summary>The plan, with each stage's file and hash as the sub-model builder wrote them.</summary>
    public PartitionPlan Plan { get; }

    public DeviceManifest Manifest { get; }

    /// <summary>Glasses, phone, cloud in a line: each runs a third of the model; A rides through the phone.</summary>
    public static ResidualSplit Relay() => Solve(
        """
        {
          "devices": [ { "name": "glasses", "compute": 1 }, { "name": "phone", "compute": 1 }, { "name": "cloud", "compute": 1 } ],
          "links": [
            { "from": "glasses", "to": "phone", "bandwidth": 1e9, "latency": 1e-6 },
            { "from": "phone", "to": "cloud", "bandwidth": 1e9, "latency": 1e-6 }
          ],
          "source": "glasses"
        }
        """,
        new() { ["glasses"] = ["mm1", "relu1", "aux"], ["phone"] = ["mm2", "relu2"], ["cloud"] = ["mm3", "skip", "scale"] });

    /// <summary>Glasses, phone, glasses: the plan comes back to the device it started on.</summary>
    public static ResidualSplit Return() => Solve(
        """
        {
          "devices": [ { "name": "glasses", "compute": 1 }, { "name": "phone", "compute": 1 } ],
          "links": [ { "from": "glasses", "to": "phone", "bandwidth": 1e9, "latency": 1e-6, "bidirectional": true } ],
          "source": "glasses"
        }
        """,
        new() { ["glasses"] = ["mm1", "relu1", "aux", "mm3", "skip", "scale"], ["phone"] = ["mm2", "relu2"] });

    /// <summary>
    /// The glasses hold the input and want the outputs but run nothing: an input transfer to the phone, the phone and the
    /// cloud run the model, and an output transfer goes back through the phone (there is no cloud-to-glasses link).
    /// </summary>
    public static ResidualSplit SourceAndSink() => Solve(
        """
        {
          "devices": [ { "name": "glasses", "compute": 1 }, { "name": "phone", "compute": 1 }, { "name": "cloud", "compute": 1 } ],
          "links": [
            { "from": "glasses", "to": "phone", "bandwidth": 1e9, "latency": 1e-6, "bidirectional": true },
            { "from": "phone", "to": "cloud", "bandwidth": 1e9, "latency": 1e-6, "bidirectional": true }
          ],
          "source": "glasses",
          "sink": "glasses"
        }
        """,
        new() { ["phone"] = ["mm1", "relu1", "aux", "mm2"], ["cloud"] = ["relu2", "mm3", "skip", "scale"] });

    /// <summary>Bytes of one tensor of the model.</summary>
    public static long Bytes(string tensor) => tensor == "X" ? Batch * In * 4 : Batch * Width * 4;

    /// <summary>The same split with other transfers (a hand-edited plan), bytes recomputed.</summary>
    public ResidualSplit WithTransfers(params (int? From, int? To, string[] Tensors)[] transfers)
    {
        var changed = transfers.Select(t =>
        {
            PlanTransfer original = Plan.Transfers.Single(p => p.FromStage == t.From && p.ToStage == t.To);
            return original with { Tensors = t.Tensors, Bytes = t.Tensors.Sum(Bytes) };
        });
        return new ResidualSplit(Folder, Plan with { Transfers = changed.ToEquatableArray() }, Manifest);
    }

    public void Dispose() => Folder.Dispose();

    private static ResidualSplit Solve(string manifestJson, Dictionary<string, string[]> fast)
    {
        var folder = new TempFolder();
        try
        {
            var diagnostics = new DiagnosticBag();
            string path = Model().WriteTo(folder.File(WholeFile));
            OnnxModel model = OnnxModelReader.Read(path, diagnostics) ?? throw Failed(diagnostics);
            OperatorGraph graph = GraphBuilder.Build(model.Spec, model.Location, diagnostics) ?? throw Failed(diagnostics);
            InferredTypes types = ShapeInference.Infer(graph, [], diagnostics);
            DeviceManifest manifest = ManifestParser.Parse(manifestJson, "residual.devices.json", diagnostics) ?? throw Failed(diagnostics);
            Assert.False(diagnostics.HasErrors, string.Join("\n", diagnostics.Items));
            var profiles = fast.ToDictionary(
                d => d.Key,
                d => new DeviceProfile(
                    d.Key,
                    model.Sha256,
                    d.Value.ToImmutableSortedDictionary(n => n, _ => new NodeTiming(1e-6, null, null), StringComparer.Ordinal),
                    EquatableArray<SegmentTiming>.Empty,
                    new SourceLocation(d.Key + ".profile.json")));

            PlanningResult planning = KspPlanner.Plan(new KspPlanInputs(
                graph, types, CostModel.Compute(graph, types), manifest, profiles, WholeFile, model.Sha256, new string('0', 64)));
            PartitionPlan plan = planning.Plan ?? throw Failed(planning.Diagnostics);
            SubModelSet stages = SubModelBuilder.Build(model, graph, plan, diagnostics) ?? throw Failed(diagnostics);
            return new ResidualSplit(folder, StageFiles.Write(stages, plan, folder.Path), manifest);
        }
        catch
        {
            folder.Dispose();
            throw;
        }
    }

    private static InvalidOperationException Failed(IEnumerable<Diagnostic> diagnostics) => new(string.Join("\n", diagnostics));

    private static InvalidOperationException Failed(DiagnosticBag diagnostics) => Failed(diagnostics.Items);

    private static OnnxModelBuilder Model() => new OnnxModelBuilder(seed: 21).IrVersion(8).Opset(13)
        .Input("X", ElementType.Float32, Batch, In).Input("S", ElementType.Float32, Batch, Width)
        .Weight("W1", In, Width).Weight("W2", Width, Width).Weight("W3", Width, Width)
        .Node("MatMul", ["X", "W1"], ["H1"], "mm1")
        .Node("Relu", ["H1"], ["A"], "relu1")
        .Node("Sigmoid", ["A"], ["Aux"], "aux")
        .Node("MatMul", ["A", "W2"], ["H2"], "mm2")
        .Node("Relu", ["H2"], ["B"], "relu2")
        .Node("MatMul", ["B", "W3"], ["H3"], "mm3")
        .Node("Add", ["H3", "A"], ["C"], "skip")
        .Node("Mul", ["C", "S"], ["Y"], "scale")
        .Output("Y", ElementType.Float32, Batch, Width)
        .Output("Aux", ElementType.Float32, Batch, Width);
}
