using PartitionCompiler.Partitioning.Solver;

namespace PartitionCompiler.Partitioning.Plan;

/// <summary>
/// The K-shortest-paths planner as one call: solve the <see cref="PartitionProblem"/>, then assemble the plan file's
/// model from the best plan and its runners-up. Pure: no IO, deterministic.
/// </summary>
public static class KspPlanner
{
    /// <summary>The pipeline's entry point: graph, costs, manifest and profiles in; the plan and diagnostics out.</summary>
    public static PlanningResult Plan(KspPlanInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var graph = PlanGraphFactory.FromGraph(inputs.Graph, inputs.Types, inputs.Costs);
        var problem = PartitionProblemBuilder.Build(graph, inputs.Costs, inputs.Manifest, inputs.Profiles, inputs.ManifestLocation);
        return Plan(new PlanRequest(
            problem,
            graph,
            inputs.ModelPath,
            inputs.ModelSha256,
            inputs.ManifestSha256,
            inputs.Alternatives ?? inputs.Manifest.Alternatives,
            inputs.Options));
    }

    /// <summary>Solves a prepared problem and assembles its plan.</summary>
    public static PlanningResult Plan(PlanRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var solution = KspPartitionSolver.Solve(request.Problem, request.Alternatives, request.Options);
        var plan = solution.Plans.IsEmpty ? null : PlanAssembler.Assemble(request, solution.Plans);
        return new PlanningResult(plan, solution.Diagnostics, solution);
    }
}
