using PartitionCompiler.Runtime.Tensors;

namespace PartitionCompiler.Runtime.Pipeline;

/// <summary>The outcome of one pipeline run.</summary>
/// <param name="Outputs">The graph outputs (stage outputs marked <c>to: output</c>) as the sink device holds them, in stage then
/// output order.</param>
/// <param name="Report">Measured versus predicted times.</param>
public sealed record PipelineResult(IReadOnlyList<NamedTensor> Outputs, PipelineReport Report)
{
    /// <summary>The graph output with the given name.</summary>
    /// <param name="name">The tensor's name.</param>
    /// <returns>The tensor.</returns>
    /// <exception cref="KeyNotFoundException">No output has that name.</exception>
    public NamedTensor Output(string name) =>
        Outputs.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.Ordinal))
        ?? throw new KeyNotFoundException($"The pipeline has no output '{name}'; its outputs are {string.Join(", ", Outputs.Select(t => t.Name))}.");
}
