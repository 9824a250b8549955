using PartitionCompiler.Partitioning.Collections;

namespace PartitionCompiler.Codegen.Spec;

/// <summary>A tensor at a stage boundary and the record property that holds it.</summary>
/// <param name="Name">The ONNX tensor name (untrusted text).</param>
/// <param name="Property">The sanitised property name, unique within its record.</param>
/// <param name="Element">The element type and the CLR type that holds it.</param>
/// <param name="Shape">The dimensions.</param>
/// <param name="FromStage">For an input: the producing stage, or null for a graph input; for a graph output: the
/// producing stage.</param>
/// <param name="ToStages">For an output: the consuming stages.</param>
/// <param name="ToOutput">For an output: whether it is a graph output.</param>
public sealed record TensorSpec(
    string Name,
    string Property,
    TensorElementSpec Element,
    EquatableArray<long> Shape,
    int? FromStage,
    EquatableArray<int> ToStages,
    bool ToOutput);
