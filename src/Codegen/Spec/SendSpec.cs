using PartitionCompiler.Partitioning.Collections;

namespace PartitionCompiler.Codegen.Spec;

/// <summary>
/// The glue that sends one transfer's message: a stage's <c>SendAsync(outputs, arrival, ..., sender)</c>, or the plan's
/// <c>SendGraphInputsAsync(graphInputs, sender)</c> for the input transfer.
/// </summary>
/// <param name="Transfer">The transfer sent.</param>
/// <param name="Holders">Typed parameters for what the device kept from earlier, in parameter order.</param>
/// <param name="Tensors">One source per tensor of the message, in the transfer's order.</param>
public sealed record SendSpec(TransferSpec Transfer, EquatableArray<HolderSpec> Holders, EquatableArray<TensorSourceSpec> Tensors);
