namespace PartitionCompiler.Partitioning.Graph;

/// <summary>Where a tensor of the main graph comes from.</summary>
public enum TensorKind
{
    /// <summary>A graph input: the data that appears on the source device.</summary>
    GraphInput,

    /// <summary>An initializer stored in the model.</summary>
    Initializer,

    /// <summary>The output of a weight producer (<c>Constant</c>, or a node such as <c>ConstantOfShape</c>, <c>Identity</c> or
    /// <c>Unsqueeze</c> fed only by weights; see <see cref="GraphBuilder.IsWeightProducer"/>).
    /// Weights travel with the nodes that consume them and never cross a cut.</summary>
    Weight,

    /// <summary>The output of a positioned node: an activation that can cross a cut.</summary>
    Activation,
}
