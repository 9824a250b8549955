namespace PartitionCompiler.Codegen.Spec;

/// <summary>
/// A typed parameter of a glue method that hands over something the device kept from earlier in the run: the graph
/// inputs on the source device, or an earlier stage's <c>Arrival</c> or <c>Outputs</c> on the same device. Plans in the
/// cut model need one only where no transfer arrives (the graph inputs of the first stage); hand-edited plans that let
/// a device reuse what it produced itself need the others.
/// </summary>
/// <param name="Kind">What is handed over.</param>
/// <param name="Stage">The stage whose arrival or outputs it is; -1 for the graph inputs.</param>
/// <param name="Parameter">The parameter's name: <c>graphInputs</c>, <c>stage0Arrival</c>, <c>stage0Outputs</c>.</param>
public sealed record HolderSpec(HolderKind Kind, int Stage, string Parameter);
