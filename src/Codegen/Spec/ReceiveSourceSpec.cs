using PartitionCompiler.Partitioning.Collections;

namespace PartitionCompiler.Codegen.Spec;

/// <summary>One arriving transfer of a <see cref="ReceiveSpec"/>.</summary>
/// <param name="FromStage">The sending stage.</param>
/// <param name="Parameter">The receiver parameter (<c>fromStage0</c>).</param>
/// <param name="Local">The local holding the received message (<c>message0</c>).</param>
/// <param name="Tensors">The names of the tensors the transfer carries.</param>
public sealed record ReceiveSourceSpec(int FromStage, string Parameter, string Local, EquatableArray<string> Tensors);
