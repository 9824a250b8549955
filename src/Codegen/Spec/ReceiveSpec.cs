using PartitionCompiler.Partitioning.Collections;

namespace PartitionCompiler.Codegen.Spec;

/// <summary>
/// A stage class's <c>ReceiveAsync</c>: one receiver parameter per arriving transfer, one typed parameter per input
/// that no arriving transfer carries (graph inputs, for instance), and the <c>Inputs</c> record as the result.
/// </summary>
/// <param name="Sources">The arriving transfers, by ascending sending stage.</param>
/// <param name="Parameters">The inputs given directly, in input order.</param>
public sealed record ReceiveSpec(EquatableArray<ReceiveSourceSpec> Sources, EquatableArray<ReceiveParameterSpec> Parameters);
