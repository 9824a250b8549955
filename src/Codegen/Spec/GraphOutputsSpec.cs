using PartitionCompiler.Partitioning.Collections;

namespace PartitionCompiler.Codegen.Spec;

/// <summary>
/// The glue that gives the app the typed graph outputs where the plan ends: the plan's
/// <c>ReceiveGraphOutputsAsync(receiver)</c> on the sink device when an output transfer goes there, else the last
/// stage's <c>CollectGraphOutputs(outputs, arrival)</c> (graph outputs of earlier stages have ridden along with it).
/// </summary>
/// <param name="Transfer">The output transfer; null for <c>CollectGraphOutputs</c>.</param>
/// <param name="Holders">Typed parameters for what the device kept from earlier, in parameter order.</param>
/// <param name="Outputs">One source per graph output, in the <c>GraphOutputs</c> record's order.</param>
public sealed record GraphOutputsSpec(TransferSpec? Transfer, EquatableArray<HolderSpec> Holders, EquatableArray<TensorSourceSpec> Outputs);
