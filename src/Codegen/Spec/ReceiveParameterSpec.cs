namespace PartitionCompiler.Codegen.Spec;

/// <summary>An input of a <see cref="ReceiveSpec"/> passed as a typed parameter.</summary>
/// <param name="Tensor">The input's ONNX name.</param>
/// <param name="Parameter">The sanitised camel-case parameter name.</param>
public sealed record ReceiveParameterSpec(string Tensor, string Parameter);
