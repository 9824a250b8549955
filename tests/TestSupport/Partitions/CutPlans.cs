using PartitionCompiler.OnnxSplitter.Reading;
using PartitionCompiler.Partitioning.Collections;
using PartitionCompiler.Partitioning.Diagnostics;
using PartitionCompiler.Partitioning.Graph;
using PartitionCompiler.Partitioning.Plan;
using PartitionCompiler.Partitioning.Shapes;
using Xunit;

namespace PartitionCompiler.TestSupport.Partitions;

/// <summary>
/// Plans made directly from cut positions, the way the plan builder lays stages out (DESIGN.md section 5): stage s holds
/// the positions between two cuts, the weight producers its nodes need (file order) before its positioned nodes; its
/// inputs are the graph inputs and activations it reads from elsewhere (<c>from</c> = the producing stage or
/// <c>"input"</c>), its outputs what later stages read or the graph outputs.
/// </summary>
public sealed class CutPlans
{
    private readonly OperatorGraph _graph;
    private readonly InferredTypes _types;
    private readonly Dictionary<string, List<int>> _weightClosure = new(StringComparer.Ordinal);

    public CutPlans(OnnxModel model)
    {
        Model = model;
        var diagnostics = new DiagnosticBag();
        _graph = GraphBuilder.Build(model.Spec, model.Location, diagnostics) ?? throw new InvalidOperationException(string.Join("\n", diagnostics.Items));
        _types = ShapeInference.Infer(_graph, [], diagnostics);
        Assert.False(diagnostics.HasErrors, string.Join("\n", diagnostics.Items));
    }

    public OnnxModel Model { get; }

    public OperatorGraph Graph => _graph;

    public InferredTypes Types => _types;

    public int Positions => _graph.PositionCount;

    /// <summary>A plan whose stages end after each position in <paramref name="cuts"/> (ascending, -1 &lt; cut &lt; n - 1), on devices d0, d1, ...</summary>
    public PartitionPlan Plan(params int[] cuts) => Plan(cuts, cuts.Select((_, i) => $"d{i}").Append($"d{cuts.Length}").ToArray());

    public PartitionPlan Plan(int[] cuts, string[] devices)
    {
        int n = _graph.PositionCount;
        int[] bounds = [-1, .. cuts, n - 1];
        var stageOf = new int[n];
        for (int s = 0; s + 1 < bounds.Length; s++)
        {
            for (int p = bounds[s] + 1; p <= bounds[s + 1]; p++)
            {
                stageOf[p] = s;
            }
        }

        int StageOfTensor(GraphTensor tensor) => stageOf[_graph.Nodes[tensor.Producer!.Value].Position!.Value];

        var stages = new List<PlanStage>();
        for (int s = 0; s + 1 < bounds.Length; s++)
        {
            var positioned = Enumerable.Range(bounds[s] + 1, bounds[s + 1] - bounds[s]).Select(_graph.NodeAt).ToList();
            var weights = new SortedSet<int>();
            var inputs = new List<PlanTensor>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var node in positioned)
            {
                foreach (string read in node.Spec.AllInputs)
                {
                    var tensor = _graph.Tensor(read);
                    if (tensor.Kind == TensorKind.Weight)
                    {
                        weights.UnionWith(WeightProducers(read));
                    }
                    else if (tensor.Kind == TensorKind.GraphInput && seen.Add(read))
                    {
                        inputs.Add(PlanTensor.Input(read, TypeName(read), Shape(read), null));
                    }
                    else if (tensor.Kind == TensorKind.Activation && StageOfTensor(tensor) != s && seen.Add(read))
                    {
                        inputs.Add(PlanTensor.Input(read, TypeName(read), Shape(read), StageOfTensor(tensor)));
                    }
                }
            }

            var outputs = new List<PlanTensor>();
            foreach (var node in positioned)
            {
                foreach (string output in node.Spec.Outputs.Where(o => o.Length > 0))
                {
                    var tensor = _graph.Tensor(output);
                    var readers = new SortedSet<int>(tensor.Consumers.Select(c => _graph.Nodes[c]).Where(c => !c.IsWeight)
                        .Select(c => stageOf[c.Position!.Value]).Where(r => r != s));
                    if (readers.Count > 0 || tensor.IsGraphOutput)
                    {
                        outputs.Add(PlanTensor.Output(output, TypeName(output), Shape(output), readers.ToEquatableArray(), tensor.IsGraphOutput));
                    }
                }
            }

            var keys = weights.Select(w => _graph.Nodes[w].Key).Concat(positioned.Select(p => p.Key)).ToEquatableArray();
            stages.Add(new PlanStage(s, devices[s], "", "", null, keys, inputs.ToEquatableArray(), outputs.ToEquatableArray(),
                0, 0, 0, 0, 0, 0, 0));
        }

        return new PartitionPlan(PartitionPlan.CurrentFormatVersion, new PlanModel(Path.GetFileName(Model.Path), Model.Sha256, n), "",
            "ksp", "latency", new PlanPrediction(0, 0, 0), stages.ToEquatableArray(), EquatableArray<PlanTransfer>.Empty,
            EquatableArray<PlanAlternative>.Empty);
    }

    /// <summary>The tensors crossing the cut after <paramref name="position"/> (graph inputs excluded) plus the graph outputs.</summary>
    public IEnumerable<string> ActivationsCrossing(int position) =>
        _graph.Tensors.Where(t => t.Kind == TensorKind.Activation && _graph.AvailableAt(t) <= position
            && t.Consumers.Any(c => _graph.Nodes[c].Position > position)).Select(t => t.Name);

    /// <summary>Every activation (node output of a positioned node).</summary>
    public IEnumerable<string> Activations => _graph.Tensors.Where(t => t.Kind == TensorKind.Activation).Select(t => t.Name);

    private List<int> WeightProducers(string weight)
    {
        if (!_weightClosure.TryGetValue(weight, out var producers))
        {
            producers = [];
            var stack = new Stack<string>([weight]);
            var visited = new HashSet<string>(StringComparer.Ordinal);
            while (stack.TryPop(out string? name))
            {
                var tensor = _graph.Tensor(name);
                if (tensor.Kind != TensorKind.Weight || !visited.Add(name))
                {
                    continue;
                }

                int producer = tensor.Producer!.Value;
                producers.Add(producer);
                foreach (string read in _graph.Nodes[producer].Spec.AllInputs)
                {
                    stack.Push(read);
                }
            }

            _weightClosure[weight] = producers;
        }

        return producers;
    }

    private string TypeName(string tensor) => (_types.TypeOf(tensor)?.ElementType ?? ElementType.Undefined).NumpyName();

    private EquatableArray<long> Shape(string tensor) =>
        _types.TypeOf(tensor)?.Shape is { IsFullyKnown: true } shape ? shape.ToArray().ToEquatableArray() : EquatableArray<long>.Empty;
}
