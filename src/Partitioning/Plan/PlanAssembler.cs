using System.Collections.Immutable;
using System.Globalization;
using PartitionCompiler.Partitioning.Collections;
using PartitionCompiler.Partitioning.Solver;

namespace PartitionCompiler.Partitioning.Plan;

/// <summary>
/// Turns the solver's best plan and its runners-up into a <see cref="PartitionPlan"/> (DESIGN.md section 5).
/// </summary>
/// <remarks>
/// A stage's <c>nodes</c> lists the weight producers it needs (in file order) and then its positioned nodes (in
/// position order), so the list is a valid execution order. A stage input is a tensor its nodes read that another
/// stage produced (<c>from</c> = that stage) or a graph input (<c>from</c> = <c>"input"</c>); a stage output is a
/// tensor it produces that a later stage reads (<c>to</c> = those stages) or that is a graph output (<c>"output"</c>).
/// A transfer carries everything crossing its cut, so a tensor produced in stage 0 and read in stage 2 rides through
/// stage 1's device.
/// </remarks>
internal static class PlanAssembler
{
    public static PartitionPlan Assemble(PlanRequest request, ImmutableArray<SolvedPlan> plans)
    {
        var problem = request.Problem;
        var best = plans[0];
        var deviceNames = problem.Devices.Select(d => d.Name).ToList();
        string stem = ModelStem(request.ModelPath);
        var tensors = new Dictionary<string, PlanGraphTensor>(StringComparer.Ordinal);
        foreach (var tensor in request.Graph.Tensors)
        {
            tensors[tensor.Name] = tensor;
        }

        var stageOf = new int[problem.PositionCount];
        for (int s = 0; s < best.Stages.Count; s++)
        {
            for (int p = best.Stages[s].First; p <= best.Stages[s].Last; p++)
            {
                stageOf[p] = s;
            }
        }

        var producer = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int p = 0; p < problem.PositionCount; p++)
        {
            foreach (string output in request.Graph.Positions[p].Outputs)
            {
                producer[output] = p;
            }
        }

        var readers = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (int p = 0; p < problem.PositionCount; p++)
        {
            foreach (string input in request.Graph.Positions[p].Inputs)
            {
                if (!readers.TryGetValue(input, out var list))
                {
                    readers[input] = list = [];
                }

                list.Add(p);
            }
        }

        var context = new StageContext(request, best, stem, deviceNames, tensors, producer, readers, stageOf);
        var stages = new List<PlanStage>();
        for (int s = 0; s < best.Stages.Count; s++)
        {
            stages.Add(Stage(context, s));
        }

        var transfers = best.Transfers.Select(t => Transfer(problem, best, t, deviceNames)).ToEquatableArray();
        var alternatives = plans.Skip(1)
            .Select((p, i) => new PlanAlternative(i + 2, p.LatencySeconds * 1000, p.EnergyJoules, p.Objective, p.Describe(deviceNames)))
            .ToEquatableArray();
        return new PartitionPlan(
            PartitionPlan.CurrentFormatVersion,
            new PlanModel(request.ModelPath, request.ModelSha256, problem.PositionCount),
            request.ManifestSha256,
            "ksp",
            problem.Objective.Name,
            new PlanPrediction(best.LatencySeconds * 1000, best.EnergyJoules, best.Objective),
            stages.ToEquatableArray(),
            transfers,
            alternatives);
    }

    private static PlanStage Stage(StageContext context, int s)
    {
        var (request, plan, stem, deviceNames, tensors, producer, readersOf, stageOf) = context;
        var graph = request.Graph;
        var stage = plan.Stages[s];
        string device = deviceNames[stage.Device];

        var weights = new HashSet<string>(StringComparer.Ordinal);
        double flops = 0;
        var inputs = new List<PlanTensor>();
        var seenInputs = new HashSet<string>(StringComparer.Ordinal);
        for (int p = stage.First; p <= stage.Last; p++)
        {
            var node = graph.Positions[p];
            flops += node.Flops;
            weights.UnionWith(node.WeightNodes);
            foreach (string input in node.Inputs)
            {
                bool outside = !producer.TryGetValue(input, out int at) || at < stage.First;
                if (outside && seenInputs.Add(input))
                {
                    int? from = producer.ContainsKey(input) ? stageOf[at] : null;
                    var (type, shape) = TypeOf(tensors, input);
                    inputs.Add(PlanTensor.Input(input, type, shape, from));
                }
            }
        }

        var graphOutputs = new HashSet<string>(graph.GraphOutputs, StringComparer.Ordinal);
        var outputs = new List<PlanTensor>();
        for (int p = stage.First; p <= stage.Last; p++)
        {
            foreach (string output in graph.Positions[p].Outputs)
            {
                var readers = new SortedSet<int>();
                foreach (int q in readersOf.GetValueOrDefault(output) ?? [])
                {
                    if (q > stage.Last)
                    {
                        readers.Add(stageOf[q]);
                    }
                }

                bool isOutput = graphOutputs.Contains(output);
                if (readers.Count > 0 || isOutput)
                {
                    var (type, shape) = TypeOf(tensors, output);
                    outputs.Add(PlanTensor.Output(output, type, shape, readers.ToEquatableArray(), isOutput));
                }
            }
        }

        var nodes = graph.WeightNodes.Where(weights.Contains)
            .Concat(Enumerable.Range(stage.First, stage.Last - stage.First + 1).Select(p => graph.Positions[p].Key))
            .ToEquatableArray();
        long? limit = request.Problem.Devices[stage.Device].MemoryBytes;
        double sru = limit is long bytes && bytes > 0 ? (double)stage.Memory.Total / bytes : 0;
        double cru = plan.LatencySeconds > 0 ? stage.ComputeSeconds / plan.LatencySeconds : 0;
        return new PlanStage(
            s,
            device,
            string.Create(CultureInfo.InvariantCulture, $"{device}/{stem}.stage{s}.onnx"),
            string.Empty,
            null,
            nodes,
            inputs.ToEquatableArray(),
            outputs.ToEquatableArray(),
            flops,
            stage.Memory.ParameterBytes,
            stage.Memory.PeakActivationBytes,
            stage.ComputeSeconds * 1000,
            stage.EnergyJoules,
            cru,
            sru);
    }

    private static PlanTransfer Transfer(PartitionProblem problem, SolvedPlan plan, SolvedTransfer transfer, List<string> deviceNames)
    {
        int? from = null;
        int? to = null;
        for (int s = 0; s < plan.Stages.Count; s++)
        {
            if (plan.Stages[s].Last == transfer.After)
            {
                from = s;
            }

            if (plan.Stages[s].First == transfer.After + 1)
            {
                to = s;
            }
        }

        var route = transfer.Route.Select(d => deviceNames[d]).ToEquatableArray();
        return new PlanTransfer(
            from,
            to,
            route,
            string.Join("->", route),
            problem.Cut(transfer.After).Tensors,
            transfer.Bytes,
            transfer.Seconds * 1000,
            transfer.EnergyJoules);
    }

    private sealed record StageContext(
        PlanRequest Request,
        SolvedPlan Plan,
        string Stem,
        List<string> DeviceNames,
        Dictionary<string, PlanGraphTensor> Tensors,
        Dictionary<string, int> Producer,
        Dictionary<string, List<int>> Readers,
        int[] StageOf);

    private static (string Type, EquatableArray<long> Shape) TypeOf(Dictionary<string, PlanGraphTensor> tensors, string name) =>
        tensors.TryGetValue(name, out var tensor) ? (tensor.Type, tensor.Shape) : ("undefined", EquatableArray<long>.Empty);

    /// <summary>The file name without its folder and its last extension: <c>models/detector.onnx</c> -&gt; <c>detector</c>.</summary>
    internal static string ModelStem(string modelPath)
    {
        string name = modelPath[(modelPath.LastIndexOfAny(['/', '\\']) + 1)..];
        int dot = name.LastIndexOf('.');
        return dot > 0 ? name[..dot] : name;
    }
}
