using System.Diagnostics;
using PartitionCompiler.Runtime.Plans;
using PartitionCompiler.Runtime.Sessions;
using PartitionCompiler.Runtime.Tensors;
using PartitionCompiler.Runtime.Transport;

namespace PartitionCompiler.Runtime.Pipeline;

/// <summary>
/// Runs every stage of a plan in one process, in plan order, moving tensors between stages through one
/// <see cref="InProcessTransport"/> per transfer (throttled to the transfer's hops when
/// <see cref="PipelineRunnerOptions.Throttle"/> is set), and times each stage and transfer against the plan's
/// predictions. For tests, verification and simulation; a deployed app runs its own stage on each device.
/// </summary>
/// <remarks>
/// Graph inputs feed the stage inputs whose source is the graph input. A stage input produced by an earlier stage
/// arrives through the transfer from that stage; when the plan lists no such transfer the tensor is handed over
/// directly and untimed. Stage sessions are loaded once, in the constructor, and reused by every run; runs may
/// overlap (each run has its own links).
/// </remarks>
public sealed class PipelineRunner : IDisposable
{
    private readonly PlanDescriptor _plan;
    private readonly PipelineRunnerOptions _options;
    private readonly StageDescriptor[] _stages;
    private readonly Dictionary<int, StageSession> _sessions = [];
    private long _sequence = -1;

    /// <summary>Checks the plan and loads every stage's model.</summary>
    /// <param name="plan">The plan.</param>
    /// <param name="options">How to run; default options when null.</param>
    /// <exception cref="ArgumentException">The plan is inconsistent (repeated stage index, a transfer or input naming
    /// a missing or later stage).</exception>
    /// <exception cref="FileNotFoundException">A stage file is missing.</exception>
    public PipelineRunner(PlanDescriptor plan, PipelineRunnerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        _plan = plan;
        _options = options ?? new PipelineRunnerOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.LinkCapacity, 1, nameof(options));
        _stages = [.. plan.Stages.OrderBy(s => s.Index)];
        Validate(plan, _stages);
        try
        {
            foreach (StageDescriptor stage in _stages)
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
    /// <param name="inputs">The graph inputs, by name.</param>
    /// <param name="cancellationToken">Cancels the run between stages and during transfers.</param>
    /// <returns>The graph outputs and the timing report.</returns>
    /// <exception cref="ArgumentException">A graph input is missing or has another element type.</exception>
    public async Task<PipelineResult> RunAsync(IEnumerable<NamedTensor> inputs, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        Dictionary<string, NamedTensor> graphInputs = CheckInputs(inputs);
        long sequence = Interlocked.Increment(ref _sequence);
        var produced = new Dictionary<int, IReadOnlyList<NamedTensor>>();
        var delivered = _stages.ToDictionary(s => s.Index, _ => new Dictionary<string, NamedTensor>(StringComparer.Ordinal));
        var stageTimes = new List<StageTiming>();
        var transferTimes = new List<TransferTiming>();
        long start = Stopwatch.GetTimestamp();

        foreach (StageDescriptor stage in _stages)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var stageInputs = stage.Inputs.Select(input => FindInput(stage, input, graphInputs, delivered, produced)).ToList();
            long stageStart = Stopwatch.GetTimestamp();
            IReadOnlyList<NamedTensor> outputs = _sessions[stage.Index].Run(stageInputs, [.. stage.Outputs.Select(o => o.Name)]);
            stageTimes.Add(new StageTiming(stage.Index, stage.Device, Stopwatch.GetElapsedTime(stageStart).TotalMilliseconds, stage.PredictedMs));
            produced[stage.Index] = outputs;

            foreach (TransferDescriptor transfer in _plan.Transfers.Where(t => t.FromStage == stage.Index))
            {
                var message = new TensorMessage(transfer.FromStage, transfer.ToStage, sequence, TransferredTensors(stage, transfer, outputs));
                (TensorMessage received, double ms) = await MoveAsync(transfer, message, cancellationToken).ConfigureAwait(false);
                foreach (NamedTensor tensor in received.Tensors)
                {
                    delivered[transfer.ToStage][tensor.Name] = tensor;
                }

                transferTimes.Add(new TransferTiming(transfer.FromStage, transfer.ToStage, transfer.Link, received.PayloadBytes, ms, transfer.PredictedMs));
            }
        }

        var graphOutputs = _stages
            .SelectMany(s => s.Outputs.Where(o => o.ToOutput).Select(o => produced[s.Index].First(t => t.Name == o.Name)))
            .ToList();
        var report = new PipelineReport(
            _plan.Name, stageTimes, transferTimes, Stopwatch.GetElapsedTime(start).TotalMilliseconds, _plan.PredictedLatencyMs);
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

    private static void Validate(PlanDescriptor plan, StageDescriptor[] stages)
    {
        var indices = new HashSet<int>();
        foreach (StageDescriptor stage in stages)
        {
            if (!indices.Add(stage.Index))
            {
                throw new ArgumentException($"Plan '{plan.Name}' has two stages with index {stage.Index}.", nameof(plan));
            }
        }

        foreach (StageDescriptor stage in stages)
        {
            foreach (StageInputDescriptor input in stage.Inputs.Where(i => !i.IsGraphInput))
            {
                if (!indices.Contains(input.FromStage!.Value) || input.FromStage >= stage.Index)
                {
                    throw new ArgumentException(
                        $"Plan '{plan.Name}': stage {stage.Index} input '{input.Name}' comes from stage {input.FromStage}, which is missing or does not run earlier.",
                        nameof(plan));
                }
            }
        }

        foreach (TransferDescriptor transfer in plan.Transfers)
        {
            if (!indices.Contains(transfer.FromStage) || !indices.Contains(transfer.ToStage) || transfer.FromStage >= transfer.ToStage)
            {
                throw new ArgumentException(
                    $"Plan '{plan.Name}': transfer {transfer.FromStage}->{transfer.ToStage} names a missing stage or goes backwards.",
                    nameof(plan));
            }
        }
    }

    private static NamedTensor[] TransferredTensors(StageDescriptor stage, TransferDescriptor transfer, IReadOnlyList<NamedTensor> outputs)
    {
        IEnumerable<string> names = transfer.Tensors.Count > 0
            ? transfer.Tensors
            : stage.Outputs.Where(o => o.ToStages.Contains(transfer.ToStage)).Select(o => o.Name);
        return [.. names.Select(name => outputs.FirstOrDefault(t => t.Name == name)
            ?? throw new InvalidOperationException($"Transfer {transfer.FromStage}->{transfer.ToStage} moves '{name}', which stage {stage.Index} does not produce."))];
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

    private static NamedTensor FindInput(
        StageDescriptor stage,
        StageInputDescriptor input,
        Dictionary<string, NamedTensor> graphInputs,
        Dictionary<int, Dictionary<string, NamedTensor>> delivered,
        Dictionary<int, IReadOnlyList<NamedTensor>> produced)
    {
        if (input.FromStage is not int from)
        {
            return graphInputs[input.Name];
        }

        if (delivered[stage.Index].TryGetValue(input.Name, out NamedTensor? arrived))
        {
            return arrived;
        }

        return produced[from].FirstOrDefault(t => t.Name == input.Name)
            ?? throw new InvalidOperationException($"Stage {stage.Index} needs '{input.Name}' from stage {from}, which did not produce it.");
    }

    private async Task<(TensorMessage Message, double Ms)> MoveAsync(
        TransferDescriptor transfer, TensorMessage message, CancellationToken cancellationToken)
    {
        ITensorTransport link = new InProcessTransport(_options.LinkCapacity, $"stage{transfer.FromStage}->stage{transfer.ToStage}");
        if (_options.Throttle && transfer.Hops.Count > 0)
        {
            link = new ThrottledTransport(link, transfer.Hops);
        }

        await using (link.ConfigureAwait(false))
        {
            long start = Stopwatch.GetTimestamp();
            await link.SendAsync(message, cancellationToken).ConfigureAwait(false);
            TensorMessage received = await link.ReceiveAsync(cancellationToken).ConfigureAwait(false);
            return (received, Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
    }
}
