using PartitionCompiler.Partitioning.Solver;

namespace PartitionCompiler.Partitioning.Plan;

/// <summary>
/// The K-shortest-paths planner as one call: solve the <see cref="PartitionProblem"/>, then assemble the plan file's
/// model from the best plan and its runners-up. Pure: no IO, deterministic.
/// </summary>
public static class KspPlanner
{
    public static PlanningResult Plan(PlanRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var solution = KspPartitionSolver.Solve(request.Problem, request.Alternatives, request.Options);
        var plan = solution.Plans.IsEmpty ? null : PlanAssembler.Assemble(request, solution.Plans);
        return new PlanningResult(plan, solution.Diagnostics, solution);
    }
}
