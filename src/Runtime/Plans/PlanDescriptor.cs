namespace PartitionCompiler.Runtime.Plans;

/// <summary>
/// What the runtime needs of a plan file: its stages and transfers. Generated code builds one as static data,
/// e.g. <c>new PlanDescriptor("detector", [new StageDescriptor(0, "glasses", "glasses/detector.stage0.onnx", [...], [...], 20.1)], [...], 83.2)</c>.
/// </summary>
/// <remarks>
/// Transfers follow the plan's cut model (see <see cref="TransferDescriptor"/>): the graph inputs appear on
/// <see cref="SourceDevice"/>, each device keeps what it received and produced, and the graph outputs are collected on
/// <see cref="SinkDevice"/>.
/// </remarks>
/// <param name="Name">The plan's name (the model stem), used in reports.</param>
/// <param name="Stages">The stages, in plan order (ascending index).</param>
/// <param name="Transfers">The transfers, in execution order: the input transfer (if any), one per cut between
/// stages that run on different devices, then the output transfer (if any).</param>
/// <param name="PredictedLatencyMs">The plan's predicted end-to-end latency in milliseconds.</param>
public sealed record PlanDescriptor(
    string Name,
    IReadOnlyList<StageDescriptor> Stages,
    IReadOnlyList<TransferDescriptor> Transfers,
    double PredictedLatencyMs)
{
    /// <summary>The graph inputs: the stage inputs whose source is the graph input, first occurrence first.</summary>
    public IReadOnlyList<StageInputDescriptor> GraphInputs =>
        [.. Stages.OrderBy(s => s.Index).SelectMany(s => s.Inputs).Where(i => i.IsGraphInput).DistinctBy(i => i.Name, StringComparer.Ordinal)];

    /// <summary>The graph outputs: the stage outputs that go to the output, in stage order.</summary>
    public IReadOnlyList<StageOutputDescriptor> GraphOutputs =>
        [.. Stages.OrderBy(s => s.Index).SelectMany(s => s.Outputs).Where(o => o.ToOutput)];

    /// <summary>
    /// The device where the graph inputs appear: the input transfer's first device, or the first stage's device when
    /// the plan has no input transfer; null for a plan with neither.
    /// </summary>
    public string? SourceDevice =>
        Transfers.FirstOrDefault(t => t.IsInput && t.Route.Count > 0)?.Route[0]
        ?? Stages.OrderBy(s => s.Index).FirstOrDefault()?.Device;

    /// <summary>
    /// The device where the graph outputs are needed: the output transfer's last device, or the last stage's device when
    /// the plan has no output transfer; null for a plan with neither.
    /// </summary>
    public string? SinkDevice =>
        Transfers.FirstOrDefault(t => t.IsOutput && t.Route.Count > 0)?.Route[^1]
        ?? Stages.OrderBy(s => s.Index).LastOrDefault()?.Device;

    /// <summary>The stage with the given index.</summary>
    /// <param name="index">The stage index.</param>
    /// <returns>The stage.</returns>
    /// <exception cref="KeyNotFoundException">No stage has that index.</exception>
    public StageDescriptor Stage(int index) =>
        Stages.FirstOrDefault(s => s.Index == index) ?? throw new KeyNotFoundException($"Plan '{Name}' has no stage {index}.");
}
