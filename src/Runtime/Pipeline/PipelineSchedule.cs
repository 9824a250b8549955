using PartitionCompiler.Runtime.Plans;

namespace PartitionCompiler.Runtime.Pipeline;

/// <summary>
/// The order in which a plan runs in one process, checked before anything runs. Events: the input transfer, then per
/// stage (ascending index) the stage itself followed by the transfers that leave it, in plan order. Each device holds a
/// pool of tensors: the graph inputs (on the source device), what transfers delivered to it, and the outputs of the
/// stages it ran. A transfer's tensors join the receiving device's pool just before its <c>ToStage</c> runs (or at the
/// end, for the output transfer).
/// </summary>
internal sealed class PipelineSchedule
{
    private PipelineSchedule(StageDescriptor[] stages, TransferDescriptor? input, string source, string sink)
    {
        Stages = stages;
        Input = input;
        Source = source;
        Sink = sink;
    }

    /// <summary>The stages, ascending index.</summary>
    public IReadOnlyList<StageDescriptor> Stages { get; }

    /// <summary>The input transfer, if the plan has one.</summary>
    public TransferDescriptor? Input { get; }

    /// <summary>The device where the graph inputs appear.</summary>
    public string Source { get; }

    /// <summary>The device where the graph outputs are collected.</summary>
    public string Sink { get; }

    /// <summary>Checks the plan and orders it.</summary>
    /// <param name="plan">The plan.</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="ArgumentException">The plan is inconsistent; the message names the first problem.</exception>
    public static PipelineSchedule Create(PlanDescriptor plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        StageDescriptor[] stages = [.. plan.Stages.OrderBy(s => s.Index)];
        void Fail(string problem) => throw new ArgumentException($"Plan '{plan.Name}': {problem}", nameof(plan));

        if (stages.Length == 0)
        {
            Fail("it has no stages.");
        }

        var byIndex = new Dictionary<int, StageDescriptor>();
        foreach (StageDescriptor stage in stages)
        {
            if (!byIndex.TryAdd(stage.Index, stage))
            {
                Fail($"two stages have index {stage.Index}.");
            }

            foreach (StageInputDescriptor input in stage.Inputs.Where(i => !i.IsGraphInput))
            {
                if (!byIndex.ContainsKey(input.FromStage!.Value) || input.FromStage >= stage.Index)
                {
                    Fail($"stage {stage.Index} input '{input.Name}' comes from stage {input.FromStage}, which is missing or does not run earlier.");
                }
            }
        }

        TransferDescriptor[] inputs = [.. plan.Transfers.Where(t => t.IsInput)];
        TransferDescriptor[] outputs = [.. plan.Transfers.Where(t => t.IsOutput)];
        if (inputs.Length > 1 || outputs.Length > 1)
        {
            Fail("it has more than one input or output transfer.");
        }

        foreach (TransferDescriptor transfer in plan.Transfers)
        {
            CheckTransfer(transfer, byIndex, Fail);
        }

        var schedule = new PipelineSchedule(
            stages,
            inputs.FirstOrDefault(),
            inputs.Length == 1 ? inputs[0].Route[0] : stages[0].Device,
            outputs.Length == 1 ? outputs[0].Route[^1] : stages[^1].Device);
        schedule.CheckAvailability(plan, Fail);
        return schedule;
    }

    /// <summary>The transfers that leave a stage, in plan order.</summary>
    /// <param name="plan">The plan.</param>
    /// <param name="stage">The sending stage's index.</param>
    /// <returns>The transfers.</returns>
    public static IEnumerable<TransferDescriptor> Leaving(PlanDescriptor plan, int stage) =>
        plan.Transfers.Where(t => t.FromStage == stage);

    private static void CheckTransfer(TransferDescriptor transfer, Dictionary<int, StageDescriptor> stages, Action<string> fail)
    {
        string name = "transfer " + transfer.Label;
        if (transfer.IsInput && transfer.IsOutput)
        {
            fail($"{name} connects no stage.");
        }

        StageDescriptor? from = null;
        StageDescriptor? to = null;
        if ((transfer.FromStage is int f && !stages.TryGetValue(f, out from)) || (transfer.ToStage is int t && !stages.TryGetValue(t, out to)))
        {
            fail($"{name} names a stage the plan does not have.");
        }

        if (from is not null && to is not null && from.Index >= to.Index)
        {
            fail($"{name} does not go to a later stage.");
        }

        if (transfer.Route.Count < 2)
        {
            fail($"{name} has route '{transfer.Link}'; a route names at least two devices.");
        }

        if (from is not null && transfer.Route[0] != from.Device)
        {
            fail($"{name} leaves from '{transfer.Route[0]}', but stage {from.Index} runs on '{from.Device}'.");
        }

        if (to is not null && transfer.Route[^1] != to.Device)
        {
            fail($"{name} arrives at '{transfer.Route[^1]}', but stage {to.Index} runs on '{to.Device}'.");
        }

        bool hopsMatch = transfer.Hops.Count == 0 || (transfer.Hops.Count == transfer.Route.Count - 1
            && transfer.Hops.Select((h, i) => h.From == transfer.Route[i] && h.To == transfer.Route[i + 1]).All(x => x));
        if (!hopsMatch)
        {
            fail($"{name}: its hops do not follow its route '{transfer.Link}'.");
        }

        if (transfer.Tensors.Distinct(StringComparer.Ordinal).Count() != transfer.Tensors.Count)
        {
            fail($"{name} lists a tensor twice.");
        }
    }

    private void CheckAvailability(PlanDescriptor plan, Action<string> fail)
    {
        // Walks the plan with tensor names only: the same pools the runner fills with tensors.
        var pools = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        HashSet<string> Pool(string device) => pools.TryGetValue(device, out HashSet<string>? pool)
            ? pool
            : pools[device] = new HashSet<string>(StringComparer.Ordinal);

        Pool(Source).UnionWith(plan.GraphInputs.Select(i => i.Name));
        var pending = new List<TransferDescriptor>();
        if (Input is not null)
        {
            Send(Input, Pool(Source), pending, fail);
        }

        foreach (StageDescriptor stage in Stages)
        {
            HashSet<string> pool = Pool(stage.Device);
            foreach (TransferDescriptor arrived in pending.Where(t => t.ToStage == stage.Index))
            {
                pool.UnionWith(arrived.Tensors);
            }

            foreach (StageInputDescriptor input in stage.Inputs.Where(i => !pool.Contains(i.Name)))
            {
                fail($"stage {stage.Index} needs '{input.Name}', which device '{stage.Device}' does not hold when the stage runs "
                    + "(no transfer brings it there and no earlier stage there produces it).");
            }

            pool.UnionWith(stage.Outputs.Select(o => o.Name));
            foreach (TransferDescriptor transfer in Leaving(plan, stage.Index))
            {
                Send(transfer, pool, pending, fail);
            }
        }

        HashSet<string> sink = Pool(Sink);
        foreach (TransferDescriptor arrived in pending.Where(t => t.IsOutput))
        {
            sink.UnionWith(arrived.Tensors);
        }

        foreach (StageOutputDescriptor output in plan.GraphOutputs.Where(o => !sink.Contains(o.Name)))
        {
            fail($"graph output '{output.Name}' does not reach the sink device '{Sink}'.");
        }
    }

    private static void Send(TransferDescriptor transfer, HashSet<string> pool, List<TransferDescriptor> pending, Action<string> fail)
    {
        foreach (string tensor in transfer.Tensors.Where(t => !pool.Contains(t)))
        {
            fail($"transfer {transfer.Label} sends '{tensor}', which device '{transfer.Route[0]}' does not hold at that point.");
        }

        pending.Add(transfer);
    }
}
