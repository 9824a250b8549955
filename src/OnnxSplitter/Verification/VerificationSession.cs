using System.Diagnostics;
using System.Globalization;
using Microsoft.ML.OnnxRuntime;
using PartitionCompiler.OnnxSplitter.Reading;
using PartitionCompiler.OnnxSplitter.SubModels;
using PartitionCompiler.Partitioning.Collections;
using PartitionCompiler.Partitioning.Diagnostics;
using PartitionCompiler.Partitioning.Graph;
using PartitionCompiler.Partitioning.Plan;

namespace PartitionCompiler.OnnxSplitter.Verification;

/// <summary>
/// The reference side of the proof, computed once per model: the seeded random inputs and, for each, the original
/// model's value of every tensor that will be compared (exposed as extra outputs of one run). <c>Check</c> then runs a
/// plan's stage chain on the same inputs and compares, so many plans of one model (every single cut, say) share one run
/// of the original. <see cref="PlanVerifier"/> is the one-plan shortcut.
/// </summary>
public sealed class VerificationSession : IDisposable
{
    private readonly OnnxModel _model;
    private readonly OperatorGraph _graph;
    private readonly List<GraphInputValue> _inputs;
    private readonly List<OrtValue[]> _inputValues;
    private readonly List<Dictionary<string, OrtValue>> _reference;
    private readonly List<IDisposable> _owned;

    private VerificationSession(OnnxModel model, OperatorGraph graph, VerificationOptions options, List<GraphInputValue> inputs,
        List<OrtValue[]> inputValues, List<Dictionary<string, OrtValue>> reference, List<IDisposable> owned, StageTiming original)
    {
        _model = model;
        _graph = graph;
        Options = options;
        _inputs = inputs;
        _inputValues = inputValues;
        _reference = reference;
        _owned = owned;
        Original = original;
    }

    public VerificationOptions Options { get; }

    /// <summary>Load and median run time of the original model (with its extra outputs).</summary>
    public StageTiming Original { get; }

    /// <summary>
    /// Runs the original model on <see cref="VerificationOptions.Runs"/> seeded random inputs (graph inputs at the shapes
    /// the stages of <paramref name="plan"/> receive them) and keeps the value of every graph output, every stage output
    /// of <paramref name="plan"/> and every tensor in <paramref name="tensors"/> (node outputs of the main graph; other
    /// names are ignored). Null after PC0404 or PC0412-PC0414.
    /// </summary>
    public static VerificationSession? Create(OnnxModel model, PartitionPlan plan, IEnumerable<string> tensors, VerificationOptions options,
        DiagnosticBag diagnostics, PlanJsonLocator? locator = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(tensors);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(diagnostics);
        if (options.Problem() is { } problem)
        {
            throw new ArgumentException(problem, nameof(options));
        }

        locator ??= PlanJsonLocator.None;
        var graph = GraphBuilder.Build(model.Spec, model.Location, diagnostics);
        var inputs = graph is null ? null : GraphInputs(model, plan, locator, diagnostics);
        if (graph is null || inputs is null)
        {
            return null;
        }

        var produced = new HashSet<string>(model.Spec.Nodes.SelectMany(n => n.Outputs), StringComparer.Ordinal);
        var names = model.Spec.Outputs.Select(o => o.Name)
            .Concat(plan.Stages.SelectMany(s => s.Outputs).Select(o => o.Name).Where(produced.Contains))
            .Concat(tensors.Where(produced.Contains))
            .Distinct(StringComparer.Ordinal).ToList();
        return Run(model, graph, inputs, names, options, diagnostics);
    }

    /// <summary>Runs the chain of <paramref name="plan"/> from stage files under <paramref name="partitionsRoot"/> (checked against the plan's sha256s).</summary>
    public VerificationReport? Check(PartitionPlan plan, string partitionsRoot, DiagnosticBag diagnostics, PlanJsonLocator? locator = null)
    {
        ArgumentNullException.ThrowIfNull(partitionsRoot);
        return Check(plan, new FolderStageSource(partitionsRoot), diagnostics, locator ?? PlanJsonLocator.None);
    }

    /// <summary>Runs the chain of <paramref name="plan"/> from stages built in memory (without external data).</summary>
    public VerificationReport? Check(PartitionPlan plan, SubModelSet stages, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(stages);
        return Check(plan, new MemoryStageSource(stages), diagnostics, PlanJsonLocator.None);
    }

    /// <summary>
    /// Checks the plan against the model (PC0400-PC0406, PC0408, PC0409) and the stage files (PC0410, PC0411), then runs
    /// the stage chain on every input, feeding each stage exactly the tensors the plan says it receives, and compares
    /// every tensor a stage produces with the original's. Failures of the comparison are PC0420-PC0422 and the report
    /// still comes back; null when the chain could not run.
    /// </summary>
    internal VerificationReport? Check(PartitionPlan plan, IStageSource source, DiagnosticBag diagnostics, PlanJsonLocator locator)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(diagnostics);
        if (plan.Model.Sha256.Length > 0 && !string.Equals(plan.Model.Sha256, _model.Sha256, StringComparison.Ordinal))
        {
            diagnostics.Add(DiagnosticCatalog.PlanModelChanged, locator.Locate("$.model.sha256"), _model.Path, plan.Model.Sha256, _model.Sha256);
            return null;
        }

        if (SubModelBuilder.Select(_model, _graph, plan, diagnostics, locator) is null
            || !StageWiring.Check(plan, _inputs.Select(i => i.Name), _model.Spec.Outputs.Select(o => o.Name), locator, diagnostics)
            || !source.Check(plan, locator, diagnostics))
        {
            return null;
        }

        // Sessions load in parallel (ONNX Runtime builds each on one thread); their diagnostics keep the stage order.
        var sessions = new InferenceSession?[plan.Stages.Count];
        var loadTimes = new double[plan.Stages.Count];
        var loadDiagnostics = plan.Stages.Select(_ => new DiagnosticBag()).ToArray();
        try
        {
            Parallel.For(0, plan.Stages.Count, p =>
                sessions[p] = source.Open(p, plan.Stages[p], Options.Sessions, locator, loadDiagnostics[p], out loadTimes[p]));
            foreach (var bag in loadDiagnostics)
            {
                diagnostics.AddRange(bag.Items);
            }

            return sessions.Any(s => s is null) ? null : RunChain(plan, sessions.Select(s => s!).ToList(), [.. loadTimes], locator, diagnostics);
        }
        finally
        {
            foreach (var session in sessions)
            {
                session?.Dispose();
            }
        }
    }

    public void Dispose() => Dispose(_owned);

    /// <summary>The graph inputs at the types and shapes the plan's stages receive them (PC0404, PC0414 where it cannot).</summary>
    internal static List<GraphInputValue>? GraphInputs(OnnxModel model, PartitionPlan plan, PlanJsonLocator locator, DiagnosticBag diagnostics)
    {
        int errors = diagnostics.ErrorCount;
        var pinned = new Dictionary<string, GraphInputValue>(StringComparer.Ordinal);
        for (int p = 0; p < plan.Stages.Count; p++)
        {
            var stage = plan.Stages[p];
            for (int j = 0; j < stage.Inputs.Count; j++)
            {
                var input = stage.Inputs[j];
                if (input.FromStage is not null || pinned.ContainsKey(input.Name))
                {
                    continue;
                }

                if (!ElementTypeInfo.TryParse(input.Type, out var type) || input.Shape.Any(d => d < 0))
                {
                    diagnostics.Add(DiagnosticCatalog.StageTensorType, locator.Locate(string.Create(CultureInfo.InvariantCulture, $"$.stages[{p}].inputs[{j}].type")),
                        stage.Index, input.Name, input.Type, "[" + string.Join(",", input.Shape) + "]");
                    continue;
                }

                pinned[input.Name] = new GraphInputValue(input.Name, type, [.. input.Shape]);
            }
        }

        return diagnostics.ErrorCount > errors ? null : RandomInputs.Shapes(model.Spec, pinned, locator.File ?? model.Location, diagnostics);
    }

    private static VerificationSession? Run(OnnxModel model, OperatorGraph graph, List<GraphInputValue> inputs, List<string> names,
        VerificationOptions options, DiagnosticBag diagnostics)
    {
        var inputValues = RandomInputs.Create(inputs, options.Runs, options.Seed);
        var owned = new List<IDisposable>(inputValues.SelectMany(v => v));
        string what = $"the original model '{model.Path}'";
        using var session = OrtSessions.Load(ReferenceModel.Expose(model.Proto, names), model.Folder, options.Sessions, what, model.Location,
            diagnostics, out double loadMs);
        if (session is null)
        {
            Dispose(owned);
            return null;
        }

        var reference = new List<Dictionary<string, OrtValue>>();
        var times = new List<double>();
        var inputNames = inputs.Select(i => i.Name).ToList();
        using var runOptions = new RunOptions { LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_FATAL };
        for (int run = 0; run < inputValues.Count; run++)
        {
            var clock = Stopwatch.StartNew();
            try
            {
                var outputs = session.Run(runOptions, inputNames, inputValues[run], names);
                times.Add(clock.Elapsed.TotalMilliseconds);
                owned.Add(outputs);
                reference.Add(names.Zip(outputs).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal));
            }
            catch (OnnxRuntimeException e)
            {
                diagnostics.Add(DiagnosticCatalog.OrtRunFailed, model.Location, what, run, OrtSessions.OneLine(e.Message));
                Dispose(owned);
                return null;
            }
        }

        return new VerificationSession(model, graph, options, inputs, inputValues, reference, owned, new StageTiming(-1, "", loadMs, Median(times)));
    }

    private VerificationReport? RunChain(PartitionPlan plan, List<InferenceSession> sessions, List<double> loadTimes, PlanJsonLocator locator, DiagnosticBag diagnostics)
    {
        var position = new Dictionary<int, int>();
        for (int p = 0; p < plan.Stages.Count; p++)
        {
            position.TryAdd(plan.Stages[p].Index, p);
        }

        var accumulators = plan.Stages.Select(s => s.Outputs.Select(_ => new TensorAccumulator()).ToArray()).ToArray();
        var runTimes = plan.Stages.Select(_ => new List<double>()).ToList();
        using var runOptions = new RunOptions { LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_FATAL };
        for (int run = 0; run < _inputValues.Count; run++)
        {
            var produced = new Dictionary<(int Stage, string Name), OrtValue>();
            var owned = new List<IDisposable>();
            try
            {
                for (int p = 0; p < plan.Stages.Count; p++)
                {
                    var stage = plan.Stages[p];
                    var feeds = stage.Inputs.Select(input => input.FromStage is int from
                        ? produced[(position[from], input.Name)]
                        : _inputValues[run][_inputs.FindIndex(i => i.Name == input.Name)]).ToList();
                    var outputNames = stage.Outputs.Select(o => o.Name).ToList();
                    var clock = Stopwatch.StartNew();
                    IDisposableReadOnlyCollection<OrtValue> outputs;
                    try
                    {
                        outputs = sessions[p].Run(runOptions, stage.Inputs.Select(i => i.Name).ToList(), feeds, outputNames);
                    }
                    catch (OnnxRuntimeException e)
                    {
                        diagnostics.Add(DiagnosticCatalog.OrtRunFailed, locator.Locate(string.Create(CultureInfo.InvariantCulture, $"$.stages[{p}]")),
                            $"stage {stage.Index.ToString(CultureInfo.InvariantCulture)} ('{stage.File}')", run, OrtSessions.OneLine(e.Message));
                        return null;
                    }

                    runTimes[p].Add(clock.Elapsed.TotalMilliseconds);
                    owned.Add(outputs);
                    int j = 0;
                    foreach (var value in outputs)
                    {
                        produced[(p, outputNames[j])] = value;
                        accumulators[p][j].Add(run, value, Reference(run, outputNames[j]), Options);
                        j++;
                    }
                }
            }
            finally
            {
                Dispose(owned);
            }
        }

        var checks = new List<TensorCheck>();
        for (int p = 0; p < plan.Stages.Count; p++)
        {
            var stage = plan.Stages[p];
            for (int j = 0; j < stage.Outputs.Count; j++)
            {
                var check = accumulators[p][j].Result(stage.Outputs[j], stage.Index);
                checks.Add(check);
                if (!check.Passed)
                {
                    accumulators[p][j].Report(check, locator.Locate(string.Create(CultureInfo.InvariantCulture, $"$.stages[{p}].outputs[{j}].name")), diagnostics);
                }
            }
        }

        var timings = plan.Stages.Select((s, p) => new StageTiming(s.Index, s.Device, loadTimes[p], Median(runTimes[p]))).ToEquatableArray();
        return new VerificationReport(Options, checks.ToEquatableArray(), Original, timings);
    }

    private OrtValue Reference(int run, string name) =>
        _reference[run].TryGetValue(name, out var value)
            ? value
            : throw new InvalidOperationException($"The verification session holds no reference value of '{name}'; create it with that tensor.");

    private static double Median(List<double> values)
    {
        if (values.Count == 0)
        {
            return 0;
        }

        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static void Dispose(List<IDisposable> owned)
    {
        foreach (var item in owned)
        {
            item.Dispose();
        }

        owned.Clear();
    }
}
