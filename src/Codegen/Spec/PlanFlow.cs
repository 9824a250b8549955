using PartitionCompiler.Partitioning.Manifest;
using PartitionCompiler.Partitioning.Plan;

namespace PartitionCompiler.Codegen.Spec;

/// <summary>
/// Walks a plan the way it runs, in the cut model, and says where each tensor the glue needs is at that moment. Each
/// device keeps what it has: the graph inputs (on the manifest's source device), the messages of the transfers that
/// arrive for its stages, and the outputs of the stages it runs. A stage's inputs come from the message that arrives
/// for it, else from what its device kept; a transfer's tensors come from the sending stage's outputs and arrival (its
/// own results and what it relays), else from what the device kept; the graph outputs come from the output transfer's
/// message at the sink, or from the last stage's outputs and arrival where the plan ends.
/// </summary>
/// <remarks>Assumes the structural checks of <see cref="PlanChecks"/> passed (unique stages, transfers between
/// consecutive stages or to and from the plan's ends); reports every tensor that is not where it is needed.</remarks>
internal sealed class PlanFlow
{
    private readonly Dictionary<string, List<Holding>> _holdings = new(StringComparer.Ordinal);

    private readonly PartitionPlan _plan;

    private PlanFlow(PartitionPlan plan, string[] graphInputs, string[] graphOutputs)
    {
        _plan = plan;
        GraphInputs = graphInputs;
        GraphOutputs = graphOutputs;
    }

    /// <summary>What keeps a tensor at a glue point.</summary>
    public enum Keeper
    {
        /// <summary>The message the glue method receives.</summary>
        Message,

        /// <summary>The graph inputs, on the source device.</summary>
        GraphInputs,

        /// <summary>A stage's arrival (its message's tensors and its inputs).</summary>
        Arrival,

        /// <summary>A stage's outputs.</summary>
        Outputs,
    }

    /// <summary>The graph inputs, first use first.</summary>
    public IReadOnlyList<string> GraphInputs { get; }

    /// <summary>The graph outputs, in stage then output order.</summary>
    public IReadOnlyList<string> GraphOutputs { get; }

    /// <summary>The input transfer's glue at the source, if the plan has one.</summary>
    public GluePoint? InputSend { get; private set; }

    /// <summary>Per stage, how its inputs arrive.</summary>
    public Dictionary<int, GluePoint> Arrivals { get; } = [];

    /// <summary>Per stage, the transfer that leaves it.</summary>
    public Dictionary<int, GluePoint> Sends { get; } = [];

    /// <summary>Per stage, the names its <c>Arrival.Tensors</c> holds.</summary>
    public Dictionary<int, HashSet<string>> ArrivalTensors { get; } = [];

    /// <summary>Where the graph outputs are taken: the output transfer at the sink, or the last stage.</summary>
    public GluePoint? Outputs { get; private set; }

    /// <summary>Walks <paramref name="plan"/>, reporting each tensor that is not where it is needed.</summary>
    /// <param name="plan">The plan (structurally checked).</param>
    /// <param name="manifest">The manifest: its source and sink.</param>
    /// <param name="problem">Receives one message per missing tensor (names unescaped).</param>
    /// <returns>The flow.</returns>
    public static PlanFlow Walk(PartitionPlan plan, DeviceManifest manifest, Action<string> problem)
    {
        PlanStage[] stages = [.. plan.Stages.OrderBy(s => s.Index)];
        var flow = new PlanFlow(
            plan,
            [.. stages.SelectMany(s => s.Inputs).Where(i => i.FromStage is null).Select(i => i.Name).Distinct(StringComparer.Ordinal)],
            [.. stages.SelectMany(s => s.Outputs).Where(o => o.ToOutput).Select(o => o.Name).Distinct(StringComparer.Ordinal)]);
        flow.Held(manifest.Source).Add(new Holding(Keeper.GraphInputs, -1, [.. flow.GraphInputs]));

        PlanTransfer? pending = plan.Transfers.FirstOrDefault(t => t.FromStage is null);
        if (pending is not null)
        {
            var needs = new List<(string, Place)>();
            foreach (string tensor in pending.Tensors)
            {
                if (flow.GraphInputs.Contains(tensor, StringComparer.Ordinal))
                {
                    needs.Add((tensor, new Place(Keeper.GraphInputs, -1)));
                }
                else
                {
                    problem($"transfer {TransferSpec.Describe(null, pending.ToStage)} sends '{tensor}', which is not a graph input");
                }
            }

            flow.InputSend = new GluePoint(pending, -1, needs, false);
        }

        foreach (PlanStage stage in stages)
        {
            pending = flow.Arrive(stage, pending?.ToStage == stage.Index ? pending : null, manifest, problem);
        }

        PlanStage last = stages[^1];
        if (pending is not null)
        {
            // The output transfer: the sink receives its message; what it lacks, the sink device may have kept.
            string sink = pending.Route.Count > 0 ? pending.Route[^1] : string.Empty;
            flow.Outputs = flow.Find(pending, -1, flow.GraphOutputs, sink, [.. pending.Tensors], problem, t => $"graph output '{t}' does not reach the sink '{sink}'");
        }
        else
        {
            if (manifest.Sink is string sink && sink != last.Device)
            {
                problem($"the plan ends on '{last.Device}', but the manifest's sink is '{sink}' and no transfer takes the graph outputs there");
            }

            flow.Outputs = flow.Find(null, last.Index, flow.GraphOutputs, last.Device, [], problem, t => $"graph output '{t}' is not on '{last.Device}', where the plan ends");
        }

        return flow;
    }

    private PlanTransfer? Arrive(PlanStage stage, PlanTransfer? arriving, DeviceManifest manifest, Action<string> problem)
    {
        string device = stage.Device;
        HashSet<string> tensors;
        GluePoint arrival;
        string[] inputs = [.. stage.Inputs.Select(i => i.Name)];
        if (arriving is not null)
        {
            tensors = [.. arriving.Tensors];
            arrival = Find(arriving, stage.Index, inputs, device, tensors, problem, t => $"stage {stage.Index} input '{t}' is not on '{device}' when the stage runs: "
                + $"transfer {TransferSpec.Describe(arriving.FromStage, arriving.ToStage)} does not bring it and '{device}' has not kept it");
        }
        else if (device == manifest.Source)
        {
            // No transfer arrives: the run starts here, from the graph inputs.
            tensors = [.. GraphInputs];
            arrival = Find(null, stage.Index, inputs, device, [], problem, t => $"stage {stage.Index} input '{t}' is not on '{device}' when the stage runs", preferGraphInputs: true);
            arrival = arrival with { TensorsFromGraphInputs = true };
        }
        else
        {
            tensors = [];
            arrival = Find(null, stage.Index, inputs, device, [], problem, t => $"stage {stage.Index} input '{t}' is not on '{device}' when the stage runs: no transfer brings it there");
        }

        Arrivals[stage.Index] = arrival;
        ArrivalTensors[stage.Index] = tensors;
        Held(device).Add(new Holding(Keeper.Arrival, stage.Index, [.. tensors, .. inputs]));
        Held(device).Add(new Holding(Keeper.Outputs, stage.Index, [.. stage.Outputs.Select(o => o.Name)]));

        PlanTransfer? leaving = null;
        foreach (PlanTransfer transfer in _plan.Transfers.Where(t => t.FromStage == stage.Index))
        {
            leaving = transfer;
            Sends[stage.Index] = Find(transfer, stage.Index, transfer.Tensors, device, [], problem, t =>
                $"transfer {TransferSpec.Describe(transfer.FromStage, transfer.ToStage)} sends '{t}', which '{device}' does not hold after stage {stage.Index}");
        }

        return leaving;
    }

    private GluePoint Find(
        PlanTransfer? transfer,
        int stage,
        IEnumerable<string> needed,
        string device,
        HashSet<string> message,
        Action<string> problem,
        Func<string, string> missing,
        bool preferGraphInputs = false)
    {
        var needs = new List<(string, Place)>();
        List<Holding> held = Held(device);
        foreach (string tensor in needed)
        {
            if (message.Contains(tensor))
            {
                needs.Add((tensor, new Place(Keeper.Message, -1)));
            }
            else if (preferGraphInputs && held.Any(h => h.Keeper == Keeper.GraphInputs && h.Names.Contains(tensor)))
            {
                needs.Add((tensor, new Place(Keeper.GraphInputs, -1)));
            }
            else if (held.LastOrDefault(h => h.Names.Contains(tensor)) is Holding holding)
            {
                // The latest keeper: the current stage's outputs, then its arrival, then earlier stages on the device.
                needs.Add((tensor, new Place(holding.Keeper, holding.Stage)));
            }
            else
            {
                problem(missing(tensor));
            }
        }

        return new GluePoint(transfer, stage, needs, false);
    }

    private List<Holding> Held(string device) => _holdings.TryGetValue(device, out List<Holding>? held) ? held : _holdings[device] = [];

    /// <summary>Where one tensor is kept: a keeper and, for an arrival or outputs, its stage (-1 otherwise).</summary>
    public sealed record Place(Keeper Keeper, int Stage);

    /// <summary>One glue method's needs.</summary>
    /// <param name="Transfer">The transfer it receives or sends; null for <c>Arrive</c> and <c>CollectGraphOutputs</c>.</param>
    /// <param name="Stage">The stage the method belongs to (places of this stage are its own <c>outputs</c> and
    /// <c>arrival</c>); -1 for the plan's methods.</param>
    /// <param name="Needs">Each needed tensor and where it is, in order.</param>
    /// <param name="TensorsFromGraphInputs">For <c>Arrive</c> on the source device.</param>
    public sealed record GluePoint(PlanTransfer? Transfer, int Stage, IReadOnlyList<(string Tensor, Place Place)> Needs, bool TensorsFromGraphInputs);

    private sealed record Holding(Keeper Keeper, int Stage, HashSet<string> Names);
}
