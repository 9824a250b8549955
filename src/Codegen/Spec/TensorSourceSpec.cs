namespace PartitionCompiler.Codegen.Spec;

/// <summary>Where a glue method takes one tensor from.</summary>
/// <param name="Tensor">The tensor's ONNX name (untrusted text; code holds it only as a literal).</param>
/// <param name="Form">How it is read from <paramref name="Variable"/>.</param>
/// <param name="Variable">The local or parameter holding it (<c>message</c>, <c>arrival</c>, <c>outputs</c>,
/// <c>graphInputs</c>, or a <see cref="HolderSpec.Parameter"/>): always a fixed identifier.</param>
/// <param name="Property">The sanitised property for <see cref="SourceForm.Record"/> and
/// <see cref="SourceForm.ArrivalInputs"/>; null otherwise.</param>
public sealed record TensorSourceSpec(string Tensor, SourceForm Form, string Variable, string? Property);
