using PartitionCompiler.Partitioning.Collections;

namespace PartitionCompiler.Codegen.Spec;

/// <summary>
/// How a stage's inputs reach it: <c>ReceiveAsync(receiver, ...)</c> when a transfer arrives at the stage (it returns
/// the <c>Arrival</c> holding the typed inputs and every tensor of the message, relayed ones included), or
/// <c>Arrive(...)</c> when none does (the first stage on the source device, which starts from the graph inputs).
/// </summary>
/// <param name="Transfer">The arriving transfer; null for <c>Arrive</c>.</param>
/// <param name="Holders">Typed parameters for what the device kept from earlier, in parameter order.</param>
/// <param name="Inputs">One source per stage input, in input order.</param>
/// <param name="TensorsFromGraphInputs">For <c>Arrive</c> on the source device: the arrival's tensors are the graph
/// inputs (so the stage's glue can relay those it does not read).</param>
public sealed record ArrivalSpec(
    TransferSpec? Transfer,
    EquatableArray<HolderSpec> Holders,
    EquatableArray<TensorSourceSpec> Inputs,
    bool TensorsFromGraphInputs)
{
    /// <summary>The method's name: <c>ReceiveAsync</c> or <c>Arrive</c>.</summary>
    public string Method => Transfer is null ? "Arrive" : "ReceiveAsync";
}
