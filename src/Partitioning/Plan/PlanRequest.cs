using PartitionCompiler.Partitioning.Solver;

namespace PartitionCompiler.Partitioning.Plan;

/// <summary>
/// Everything the K-shortest-paths planner needs, as pure data.
/// </summary>
/// <param name="Problem">The solver's input (its cuts must be <see cref="PlanGraph.Cuts"/> of <paramref name="Graph"/>).</param>
/// <param name="ModelPath">The model path relative to the plan file, with <c>/</c>; its file stem names the stage files.</param>
/// <param name="ModelSha256">sha256 of the model file, lowercase hex.</param>
/// <param name="ManifestSha256">sha256 of the manifest text after CRLF -&gt; LF, lowercase hex.</param>
/// <param name="Alternatives">K: the plans kept (the chosen one and K - 1 alternatives).</param>
public sealed record PlanRequest(
    PartitionProblem Problem,
    PlanGraph Graph,
    string ModelPath,
    string ModelSha256,
    string ManifestSha256,
    int Alternatives,
    KspSolverOptions? Options = null);
