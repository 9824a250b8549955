using System.Globalization;
using PartitionCompiler.OnnxSplitter.Verification;
using PartitionCompiler.Partitioning.Plan;

namespace PartitionCompiler.Cli.Planning;

/// <summary>
/// Writes the <c>partc plan</c> summary on stdout: the plan file and what happened to it, the model, the prediction,
/// a table of the chosen plan's stages (device, positions, nodes, FLOPs, memory, predicted time, energy, cru, sru), its
/// transfers, the alternatives, the files written, and the proof's result when it ran.
/// </summary>
internal static class PlanSummaryWriter
{
    public static void Write(PlannedModel planned, PlanFiles files, VerificationReport? proof, CliConsole console)
    {
        var plan = planned.Plan;
        var output = console.Output;
        string planState = files.PlanState switch
        {
            PlanFileState.Written => "written",
            PlanFileState.Unchanged => "unchanged",
            _ => "matches the solved plan (locked)",
        };
        output.Write($"plan       {Display(planned.Locations.PlanPath)} ({planState})\n");
        output.Write(Invariant($"model      {plan.Model.Path} ({plan.Model.Nodes} nodes, sha256 {plan.Model.Sha256[..12]}...)\n"));
        output.Write(Invariant($"strategy   {plan.Strategy}, objective {plan.Objective}, {plan.Alternatives.Count + 1} plan(s) kept\n"));
        output.Write(Invariant($"predicted  {Figure(plan.Predicted.LatencyMs)} ms, {Figure(plan.Predicted.EnergyJ)} J\n\n"));

        var stages = Table("stage", "device", "positions", "nodes", "FLOPs", "params (B)", "peak act. (B)", "ms", "energy (J)", "cru", "sru", "file");
        foreach (var stage in plan.Stages)
        {
            var (first, last, positioned) = Positions(planned, stage);
            stages.Add(
                Number(stage.Index),
                stage.Device,
                positioned == 0 ? "-" : Invariant($"{first}-{last}"),
                Number(positioned),
                stage.Flops.ToString("#,0", CultureInfo.InvariantCulture),
                Number(stage.ParameterBytes),
                Number(stage.PeakActivationBytes),
                Figure(stage.PredictedMs),
                Figure(stage.EnergyJ),
                stage.Cru.ToString("0.000", CultureInfo.InvariantCulture),
                stage.Sru.ToString("0.000", CultureInfo.InvariantCulture),
                stage.File);
        }

        stages.Render(console);
        if (plan.Transfers.Count > 0)
        {
            var transfers = Table("from", "to", "route", "bytes", "ms", "energy (J)");
            foreach (var transfer in plan.Transfers)
            {
                transfers.Add(
                    transfer.FromStage is int from ? Invariant($"stage {from}") : "input",
                    transfer.ToStage is int to ? Invariant($"stage {to}") : "output",
                    transfer.Link,
                    Number(transfer.Bytes),
                    Figure(transfer.PredictedMs),
                    Figure(transfer.EnergyJ));
            }

            transfers.Render(console);
        }

        if (plan.Alternatives.Count > 0)
        {
            var alternatives = Table("rank", "ms", "energy (J)", "objective", "assignment");
            alternatives.Add("1", Figure(plan.Predicted.LatencyMs), Figure(plan.Predicted.EnergyJ), Figure(plan.Predicted.Objective), Assignment(planned));
            foreach (var alternative in plan.Alternatives)
            {
                alternatives.Add(Number(alternative.Rank), Figure(alternative.LatencyMs), Figure(alternative.EnergyJ), Figure(alternative.Objective), alternative.Assignment);
            }

            alternatives.Render(console);
        }

        output.Write(Invariant($"files      {files.Written} written, {files.Unchanged} unchanged under {Display(planned.Locations.PartitionsRoot)}"));
        output.Write(planned.Locations.GeneratedFolder is { } generated ? $" and {Display(generated)}" : "");
        output.Write(files.Deleted.Count > 0 ? Invariant($"; {files.Deleted.Count} stale file(s) deleted\n") : "\n");
        if (proof is not null)
        {
            output.Write(Invariant(
                $"verified   {(proof.Passed ? "passed" : "FAILED")}: {proof.Tensors.Count} tensor(s) over {proof.Options.Runs} run(s), max abs error {Figure(proof.WorstAbs)}, max rel error {Figure(proof.WorstRel)}\n"));
        }
    }

    /// <summary>The proof's one-line result (stderr, with <c>--json</c>, where stdout holds only the plan).</summary>
    public static string ProofLine(VerificationReport proof) => Invariant(
        $"partc: verified {(proof.Passed ? "passed" : "FAILED")}: {proof.Tensors.Count} tensor(s) over {proof.Options.Runs} run(s), max abs error {Figure(proof.WorstAbs)}, max rel error {Figure(proof.WorstRel)}\n");

    /// <summary>The chosen plan's assignment in the alternatives' notation: <c>glasses:0-17 | phone:18-244</c>.</summary>
    private static string Assignment(PlannedModel planned) => string.Join(" | ", planned.Plan.Stages
        .Select(s => (s.Device, Range: Positions(planned, s)))
        .Where(s => s.Range.Count > 0)
        .Select(s => Invariant($"{s.Device}:{s.Range.First}-{s.Range.Last}")));

    private static (int First, int Last, int Count) Positions(PlannedModel planned, PlanStage stage)
    {
        int first = int.MaxValue, last = -1, count = 0;
        foreach (string key in stage.Nodes)
        {
            if (planned.Analyzed.Graph.TryGetNode(key, out var node) && node.Position is int position)
            {
                first = Math.Min(first, position);
                last = Math.Max(last, position);
                count++;
            }
        }

        return (first, last, count);
    }

    private static string Display(string fullPath)
    {
        string relative = Path.GetRelativePath(Environment.CurrentDirectory, fullPath);
        return (relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? fullPath : relative).Replace('\\', '/');
    }

    private static string Figure(double value) => value.ToString("G4", CultureInfo.InvariantCulture).ToLowerInvariant();

    private static string Number(long value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>A table whose text columns (device, file, route, assignment, from, to) are left-aligned, the numbers right-aligned.</summary>
    private static TextTable Table(params string[] columns)
    {
        var table = new TextTable();
        foreach (string column in columns)
        {
            if (column is "device" or "file" or "route" or "assignment" or "from" or "to")
            {
                table.Left(column);
            }
            else
            {
                table.Right(column);
            }
        }

        return table;
    }
}
