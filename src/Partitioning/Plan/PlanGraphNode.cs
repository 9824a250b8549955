using PartitionCompiler.Partitioning.Collections;

namespace PartitionCompiler.Partitioning.Plan;

/// <summary>
/// A positioned node as the plan builder sees it.
/// </summary>
/// <param name="Key">The node key (its name, or <c>@</c> + first output name).</param>
/// <param name="Inputs">The activations and graph inputs it reads (weights excluded), each once, in input order.</param>
/// <param name="Outputs">The tensors it produces, in output order.</param>
/// <param name="WeightNodes">Keys of the weight producers it needs, directly or through other weight producers.</param>
public sealed record PlanGraphNode(
    string Key,
    double Flops,
    EquatableArray<string> Inputs,
    EquatableArray<string> Outputs,
    EquatableArray<string> WeightNodes);
