using PartitionCompiler.Partitioning.Collections;
using PartitionCompiler.Partitioning.Diagnostics;

namespace PartitionCompiler.Codegen.Spec;

/// <summary>The spec of a plan, or the diagnostics that say why there is none.</summary>
/// <param name="Spec">The spec; null when <paramref name="Diagnostics"/> holds an error.</param>
/// <param name="Diagnostics">Problems found, in the order found.</param>
public sealed record CodegenSpecResult(CodegenSpec? Spec, EquatableArray<Diagnostic> Diagnostics)
{
    /// <summary>Whether a spec was built.</summary>
    public bool Succeeded => Spec is not null;
}
