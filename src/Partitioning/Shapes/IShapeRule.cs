namespace PartitionCompiler.Partitioning.Shapes;

/// <summary>The static shape and type rule of one operator family.</summary>
internal interface IShapeRule
{
    /// <summary>The ONNX op types (default domain) this rule decides.</summary>
    IReadOnlyList<string> OpTypes { get; }

    /// <summary>
    /// Reads the node's input types, folded values and attributes from <paramref name="context"/> and sets the output
    /// types (and values, when small and known). Leaves an output unset when it cannot decide it; reports inconsistent
    /// inputs through the context instead of throwing.
    /// </summary>
    void Infer(ShapeContext context);
}
