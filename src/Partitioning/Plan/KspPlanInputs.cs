using PartitionCompiler.Partitioning.Costs;
using PartitionCompiler.Partitioning.Diagnostics;
using PartitionCompiler.Partitioning.Graph;
using PartitionCompiler.Partitioning.Manifest;
using PartitionCompiler.Partitioning.Profiles;
using PartitionCompiler.Partitioning.Shapes;
using PartitionCompiler.Partitioning.Solver;

namespace PartitionCompiler.Partitioning.Plan;

/// <summary>
/// What the pipeline has when it plans with K shortest paths: the graph, its inferred types and costs (shapes must be
/// fully known: check with <c>ShapeInference.RequireStaticShapes</c> first), the manifest, the validated profiles by
/// device name, and the identities the plan records.
/// </summary>
/// <param name="ModelPath">The model path relative to the plan file, with <c>/</c>.</param>
/// <param name="Alternatives">K, overriding the manifest's <c>alternatives</c> (<c>partc plan -k</c>).</param>
/// <param name="ManifestLocation">The manifest file, for solver diagnostics with no better place.</param>
public sealed record KspPlanInputs(
    OperatorGraph Graph,
    InferredTypes Types,
    GraphCosts Costs,
    DeviceManifest Manifest,
    IReadOnlyDictionary<string, DeviceProfile> Profiles,
    string ModelPath,
    string ModelSha256,
    string ManifestSha256,
    int? Alternatives = null,
    SourceLocation? ManifestLocation = null,
    KspSolverOptions? Options = null);
