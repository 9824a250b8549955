namespace PartitionCompiler.Codegen.Spec;

/// <summary>An element type as generated code spells it.</summary>
/// <param name="NumpyName">The plan's spelling (<c>float32</c>).</param>
/// <param name="RuntimeMember">The member of <c>PartitionCompiler.Runtime.Tensors.ElementType</c> (<c>Float32</c>).</param>
/// <param name="ClrType">The C# type of one element, as written in code (<c>float</c>,
/// <c>global::Microsoft.ML.OnnxRuntime.Float16</c>).</param>
public sealed record TensorElementSpec(string NumpyName, string RuntimeMember, string ClrType);
