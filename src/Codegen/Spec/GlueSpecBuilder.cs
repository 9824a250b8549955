using PartitionCompiler.Partitioning.Collections;
using PartitionCompiler.Partitioning.Plan;
using Keeper = PartitionCompiler.Codegen.Spec.PlanFlow.Keeper;

namespace PartitionCompiler.Codegen.Spec;

/// <summary>
/// Turns the <see cref="PlanFlow"/>'s glue points into glue specs: which variable or parameter each tensor is read from,
/// through which record property, and which typed parameters (<see cref="HolderSpec"/>) a method needs for what its
/// device kept from earlier in the run.
/// </summary>
internal sealed class GlueSpecBuilder(
    PlanFlow flow,
    IReadOnlyDictionary<int, (TensorSpec[] Inputs, TensorSpec[] Outputs)> records,
    IReadOnlyList<TensorSpec> graphInputs,
    Func<PlanTransfer, TransferSpec> transfer)
{
    /// <summary>The stage's <c>ReceiveAsync</c> or <c>Arrive</c>.</summary>
    public ArrivalSpec Arrival(int stage)
    {
        PlanFlow.GluePoint point = flow.Arrivals[stage];
        var holders = new SortedSet<HolderSpec>(HolderOrder.Instance);
        if (point.TensorsFromGraphInputs)
        {
            holders.Add(Holder(HolderKind.GraphInputs, -1));
        }

        var inputs = point.Needs.Select(n => Source(n.Tensor, n.Place, point.Stage, holders)).ToEquatableArray();
        return new ArrivalSpec(
            point.Transfer is null ? null : transfer(point.Transfer), holders.ToEquatableArray(), inputs, point.TensorsFromGraphInputs);
    }

    /// <summary>The stage's <c>SendAsync</c>, when a transfer leaves it.</summary>
    public SendSpec? Send(int stage) => flow.Sends.TryGetValue(stage, out PlanFlow.GluePoint? point) ? Send(point) : null;

    /// <summary>The last stage's <c>CollectGraphOutputs</c>, when the plan ends on its device.</summary>
    public GraphOutputsSpec? Collect(int stage) =>
        flow.Outputs is { Transfer: null } point && point.Stage == stage ? Outputs(point) : null;

    /// <summary>The plan's <c>SendGraphInputsAsync</c>, when an input transfer leaves the source.</summary>
    public SendSpec? SendGraphInputs() => flow.InputSend is PlanFlow.GluePoint point
        ? new SendSpec(
            transfer(point.Transfer!),
            EquatableArray<HolderSpec>.Empty,
            point.Needs.Select(n => new TensorSourceSpec(n.Tensor, SourceForm.Record, "graphInputs", Property(graphInputs, n.Tensor))).ToEquatableArray())
        : null;

    /// <summary>The plan's <c>ReceiveGraphOutputsAsync</c>, when an output transfer goes to the sink.</summary>
    public GraphOutputsSpec? ReceiveGraphOutputs() => flow.Outputs is { Transfer: not null } point ? Outputs(point) : null;

    private SendSpec Send(PlanFlow.GluePoint point)
    {
        var holders = new SortedSet<HolderSpec>(HolderOrder.Instance);
        var tensors = point.Needs.Select(n => Source(n.Tensor, n.Place, point.Stage, holders)).ToEquatableArray();
        return new SendSpec(transfer(point.Transfer!), holders.ToEquatableArray(), tensors);
    }

    private GraphOutputsSpec Outputs(PlanFlow.GluePoint point)
    {
        var holders = new SortedSet<HolderSpec>(HolderOrder.Instance);
        var outputs = point.Needs.Select(n => Source(n.Tensor, n.Place, point.Stage, holders)).ToEquatableArray();
        return new GraphOutputsSpec(point.Transfer is null ? null : transfer(point.Transfer), holders.ToEquatableArray(), outputs);
    }

    private TensorSourceSpec Source(string tensor, PlanFlow.Place place, int current, SortedSet<HolderSpec> holders)
    {
        // The method's own message, outputs and arrival are its fixed parameters and locals; anything else the device
        // kept is a holder parameter.
        string Variable(HolderKind kind, string own)
        {
            if (place.Stage == current && place.Stage >= 0)
            {
                return own;
            }

            HolderSpec holder = Holder(kind, place.Stage);
            holders.Add(holder);
            return holder.Parameter;
        }

        return place.Keeper switch
        {
            Keeper.Message => new TensorSourceSpec(tensor, SourceForm.Message, "message", null),
            Keeper.GraphInputs => new TensorSourceSpec(tensor, SourceForm.Record, Variable(HolderKind.GraphInputs, "graphInputs"), Property(graphInputs, tensor)),
            Keeper.Outputs => new TensorSourceSpec(tensor, SourceForm.Record, Variable(HolderKind.Outputs, "outputs"), Property(records[place.Stage].Outputs, tensor)),
            _ => flow.ArrivalTensors[place.Stage].Contains(tensor)
                ? new TensorSourceSpec(tensor, SourceForm.ArrivalTensors, Variable(HolderKind.Arrival, "arrival"), null)
                : new TensorSourceSpec(tensor, SourceForm.ArrivalInputs, Variable(HolderKind.Arrival, "arrival"), Property(records[place.Stage].Inputs, tensor)),
        };
    }

    private static HolderSpec Holder(HolderKind kind, int stage) => new(kind, stage, ReservedNames.HolderParameter(kind, stage));

    private static string Property(IEnumerable<TensorSpec> record, string tensor) => record.First(t => t.Name == tensor).Property;

    /// <summary>Parameter order: the graph inputs, then by stage, an arrival before its outputs.</summary>
    private sealed class HolderOrder : IComparer<HolderSpec>
    {
        public static readonly HolderOrder Instance = new();

        public int Compare(HolderSpec? x, HolderSpec? y) => (x, y) switch
        {
            (null, null) => 0,
            (null, _) => -1,
            (_, null) => 1,
            _ => x.Stage != y.Stage ? x.Stage.CompareTo(y.Stage) : x.Kind.CompareTo(y.Kind),
        };
    }
}
