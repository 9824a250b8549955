using PartitionCompiler.Partitioning.Collections;

namespace PartitionCompiler.Codegen.Spec;

/// <summary>A send method of a stage class: <c>SendToStage1Async(Outputs, ITensorSender, ...)</c>.</summary>
/// <param name="ToStage">The receiving stage.</param>
/// <param name="Method">The method name, <c>SendToStage</c> + index + <c>Async</c>.</param>
/// <param name="Tensors">The names of the outputs sent, in output order.</param>
public sealed record SendSpec(int ToStage, string Method, EquatableArray<string> Tensors);
