namespace PartitionCompiler.TestSupport;

/// <summary>How <see cref="OnnxGraphBuilderBase{TSelf}.Weight(string, long[])"/> stores a weight.</summary>
public enum WeightStyle
{
    /// <summary>A graph initializer with seeded random values.</summary>
    Initializer,

    /// <summary>A <c>Constant</c> node whose <c>value</c> tensor holds seeded random values.</summary>
    ConstantNode,

    /// <summary>A <c>ConstantOfShape</c> node filled with 0.02, fed by an int64 shape initializer <c>NAME__SHAPE</c>
    /// (the way the corpus' "light" models store weights).</summary>
    ConstantOfShape,
}
