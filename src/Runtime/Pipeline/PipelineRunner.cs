using System.Diagnostics;
using PartitionCompiler.Runtime.Plans;
using PartitionCompiler.Runtime.Sessions;
using PartitionCompiler.Runtime.Tensors;
using PartitionCompiler.Runtime.Transport;

namespace PartitionCompiler.Runtime.Pipeline;

/// <summary>
/// Runs every stage of a plan in one process, in plan order, moving tensors exactly as the plan's transfers say, and
/// times each stage and transfer against the plan's predictions. For tests, verification and simulation; a deployed
/// app runs its own stage on each device.
/// </summary>
/// <remarks>
/// <para>The plan's cut model: each device holds a pool of tensors, filled with the graph inputs (on the source
/// device), the tensors transfers deliver to it, and the outputs of the stages it runs. A stage runs on exactly its
/// inputs, taken from its device's pool. A transfer sends exactly the tensors it lists, taken from the sending device's
/// pool (its own outputs and whatever it relays), hop by hop along its route, one <see cref="InProcessTransport"/> per
/// hop, each throttled to its hop's rate and latency when <see cref="PipelineRunnerOptions.Throttle"/> is set. What a
/// transfer delivers joins the receiving device's pool before its <c>ToStage</c> runs. The input transfer sends the
/// graph inputs from the source device before stage 0; the output transfer delivers the graph outputs to the sink
/// device, where the result is collected.</para>
/// <para>Stage sessions are loaded once, in the constructor, and reused by every run; runs may overlap (each run has
/// its own pools and links).</para>
/// </remarks>
public sealed class PipelineRunner : IDisposable
{
    private readonly PlanDescriptor _plan;
    private readonly PipelineRunnerOptions _options;
    private readonly PipelineSchedule _schedule;
    private readonly Dictionary<int, StageSession> _sessions = [];
    private long _sequence = -1;

    /// <summary>Checks the plan and loads every stage's model.</summary>
    /// <param name="plan">The plan.</param>
    /// <param name="options">How to run; default options when null.</param>
    /// <exception cref="ArgumentException">The plan is inconsistent: a repeated stage index, a transfer naming a missing
    /// stage or leaving from or arriving at another device than its stage's, a transfer sending a tensor its sending
    /// device does not hold, a stage input that never reaches the stage's device, a graph output that never reaches the
    /// sink.</exception>
    /// <exception cref="FileNotFoundException">A stage file is missing.</exception>
    public PipelineRunner(PlanDescriptor plan, PipelineRunnerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        _plan = plan;
        _options = options ?? new PipelineRunnerOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.LinkCapacity, 1, nameof(options));
        _schedule = PipelineSchedule.Create(plan);
        try
        {
            foreach (StageDescriptor stage in _schedule.Stages)
            {
                _sessions.Add(stage.Index, new StageSession(stage.File, _options.StageFolder, _options.SessionOptions));
            }
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>The plan this runner runs.</summary>
    public PlanDescriptor Plan => _plan;

    /// <summary>The loaded session of a stage (for calling one stage alone).</summary>
    /// <param name="index">The stage index.</param>
    /// <returns>The session.</returns>
    public StageSession Session(int index) => _sessions.TryGetValue(index, out StageSession? session)
        ? session
        : throw new KeyNotFoundException($"Plan '{_plan.Name}' has no stage {index}.");

    /// <summary>Runs the whole plan once.</summary>
    /// <param name="inputs">The graph inputs, by name (others are ignored).</param>
    /// <param name="cancellationToken">Cancels the run between stages and during transfers.</param>
    /// <returns>The graph outputs, as the sink device holds them, and the timing report.</returns>
    /// <exception cref="ArgumentException">A graph input is missing or has another element type.</exception>
    public async Task<PipelineResult> RunAsync(IEnumerable<NamedTensor> inputs, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        Dictionary<string, NamedTensor> graphInputs = CheckInputs(inputs);
        var run = new RunState(Interlocked.Increment(ref _sequence));
        long start = Stopwatch.GetTimestamp();

        Dictionary<string, NamedTensor> source = run.Pool(_schedule.Source);
        foreach (StageInputDescriptor input in _plan.GraphInputs)
        {
            source[input.Name] = graphInputs[input.Name];
        }

        if (_schedule.Input is TransferDescriptor first)
        {
            await SendAsync(run, first, cancellationToken).ConfigureAwait(false);
        }

        foreach (StageDescriptor stage in _schedule.Stages)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Dictionary<string, NamedTensor> pool = run.Pool(stage.Device);
            run.Deliver(stage.Index, pool);
            NamedTensor[] stageInputs = [.. stage.Inputs.Select(i => pool[i.Name])];
            long stageStart = Stopwatch.GetTimestamp();
            IReadOnlyList<NamedTensor> outputs = _sessions[stage.Index].Run(stageInputs, [.. stage.Outputs.Select(o => o.Name)]);
            run.Stages.Add(new StageTiming(stage.Index, stage.Device, Stopwatch.GetElapsedTime(stageStart).TotalMilliseconds, stage.PredictedMs));
            foreach (NamedTensor output in outputs)
            {
                pool[output.Name] = output;
            }

            foreach (TransferDescriptor transfer in PipelineSchedule.Leaving(_plan, stage.Index))
            {
                await SendAsync(run, transfer, cancellationToken).ConfigureAwait(false);
            }
        }

        Dictionary<string, NamedTensor> sink = run.Pool(_schedule.Sink);
        run.Deliver(null, sink);
        var graphOutputs = _plan.GraphOutputs.Select(o => sink[o.Name]).ToList();
        var report = new PipelineReport(
            _plan.Name, run.Stages, run.Transfers, Stopwatch.GetElapsedTime(start).TotalMilliseconds, _plan.PredictedLatencyMs);
        return new PipelineResult(graphOutputs, report);
    }

    /// <summary>Releases every stage session.</summary>
    public void Dispose()
    {
        foreach (StageSession session in _sessions.Values)
        {
            session.Dispose();
        }

        _sessions.Clear();
    }

    private Dictionary<string, NamedTensor> CheckInputs(IEnumerable<NamedTensor> inputs)
    {
        var byName = new Dictionary<string, NamedTensor>(StringComparer.Ordinal);
        foreach (NamedTensor tensor in inputs)
        {
            byName[tensor.Name] = tensor;
        }

        foreach (StageInputDescriptor input in _plan.GraphInputs)
        {
            if (!byName.TryGetValue(input.Name, out NamedTensor? given))
            {
                throw new ArgumentException($"Plan '{_plan.Name}' needs graph input '{input.Name}', which was not given.", nameof(inputs));
            }

            if (given.ElementType != input.ElementType)
            {
                throw new ArgumentException(
                    $"Graph input '{input.Name}' must be {ElementTypes.ToName(input.ElementType)}, not {ElementTypes.ToName(given.ElementType)}.",
                    nameof(inputs));
            }
        }

        return byName;
    }

    private async Task SendAsync(RunState run, TransferDescriptor transfer, CancellationToken cancellationToken)
    {
        Dictionary<string, NamedTensor> pool = run.Pool(transfer.Route[0]);
        var message = new TensorMessage(
            transfer.FromStage ?? TensorMessage.NoStage,
            transfer.ToStage ?? TensorMessage.NoStage,
            run.Sequence,
            transfer.Tensors.Select(name => pool[name]));
        long start = Stopwatch.GetTimestamp();
        if (transfer.Hops.Count == 0)
        {
            message = await HopAsync(transfer.Link, null, message, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            foreach (HopDescriptor hop in transfer.Hops)
            {
                message = await HopAsync(hop.From + "->" + hop.To, hop, message, cancellationToken).ConfigureAwait(false);
            }
        }

        double ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        run.Transfers.Add(new TransferTiming(
            transfer.FromStage, transfer.ToStage, transfer.Link, [.. message.Tensors.Select(t => t.Name)], message.PayloadBytes, ms, transfer.PredictedMs));
        run.Arrive(transfer.ToStage, message);
    }

    private async Task<TensorMessage> HopAsync(string name, HopDescriptor? hop, TensorMessage message, CancellationToken cancellationToken)
    {
        // One link per hop: the device at the hop's end receives the message and forwards it on the next hop.
        ITensorTransport link = new InProcessTransport(_options.LinkCapacity, name);
        if (_options.Throttle && hop is not null)
        {
            link = new ThrottledTransport(link, [hop]);
        }

        await using (link.ConfigureAwait(false))
        {
            await link.SendAsync(message, cancellationToken).ConfigureAwait(false);
            return await link.ReceiveAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The state of one run: each device's pool, the messages not yet delivered, and the timings.</summary>
    private sealed class RunState(long sequence)
    {
        private readonly Dictionary<string, Dictionary<string, NamedTensor>> _pools = new(StringComparer.Ordinal);
        private readonly List<(int? ToStage, TensorMessage Message)> _inFlight = [];

        public long Sequence { get; } = sequence;

        public List<StageTiming> Stages { get; } = [];

        public List<TransferTiming> Transfers { get; } = [];

        public Dictionary<string, NamedTensor> Pool(string device) => _pools.TryGetValue(device, out Dictionary<string, NamedTensor>? pool)
            ? pool
            : _pools[device] = new Dictionary<string, NamedTensor>(StringComparer.Ordinal);

        public void Arrive(int? toStage, TensorMessage message) => _inFlight.Add((toStage, message));

        /// <summary>Adds the tensors of the messages bound for <paramref name="toStage"/> (null: the sink) to a pool.</summary>
        public void Deliver(int? toStage, Dictionary<string, NamedTensor> pool)
        {
            foreach ((_, TensorMessage message) in _inFlight.Where(m => m.ToStage == toStage))
            {
                foreach (NamedTensor tensor in message.Tensors)
                {
                    pool[tensor.Name] = tensor;
                }
            }

            _inFlight.RemoveAll(m => m.ToStage == toStage);
        }
    }
}
