using System.Text.Json;
using PartitionCompiler.Partitioning.Diagnostics;

namespace PartitionCompiler.Cli.Output;

/// <summary>
/// The plan file as a lock file (DESIGN section 5). <see cref="PlanMode.Update"/> writes the solved plan unless the
/// file on disk is already equal to it as a JSON value (so line endings or property order never cause a rewrite);
/// <see cref="PlanMode.Locked"/> never writes, and reports PC0502 when the plan is missing and PC0501 at the first
/// differing JSON path, with the line and column of that value in the plan on disk.
/// </summary>
internal static class PlanLock
{
    /// <summary>Applies <paramref name="mode"/> to the plan at <paramref name="planPath"/>. When the plan on disk
    /// ends up equal to <paramref name="solvedPlan"/> it is recorded as an output of <paramref name="run"/>;
    /// otherwise a diagnostic goes to <paramref name="diagnostics"/>. Returns true when the plan file was written.</summary>
    public static bool Emit(PlanMode mode, string planPath, ReadOnlySpan<byte> solvedPlan, OutputRun run, DiagnosticBag diagnostics)
    {
        if (mode == PlanMode.Locked)
        {
            Diagnostic? problem = Check(planPath, solvedPlan);
            if (problem is null)
            {
                run.Keep(OutputKind.Plan, planPath);
            }
            else
            {
                diagnostics.Add(problem);
            }

            return false;
        }

        if (IsEqualOnDisk(planPath, solvedPlan))
        {
            run.Keep(OutputKind.Plan, planPath);
            return false;
        }

        return run.Write(OutputKind.Plan, planPath, solvedPlan);
    }

    /// <summary>Locked mode's check: null when the plan on disk equals <paramref name="solvedPlan"/> as a JSON
    /// value, else PC0502 (missing), PC0501 (drift, or not JSON) or PC0503 (unreadable).</summary>
    public static Diagnostic? Check(string planPath, ReadOnlySpan<byte> solvedPlan)
    {
        string name = Path.GetFileName(planPath);
        if (!File.Exists(planPath))
        {
            return DiagnosticCatalog.PlanMissing.Create(new SourceLocation(planPath), name);
        }

        byte[] onDisk;
        try
        {
            onDisk = File.ReadAllBytes(planPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return DiagnosticCatalog.OutputFileAccess.Create(new SourceLocation(planPath), "read", planPath, e.Message);
        }

        LocatedJson expected;
        try
        {
            expected = LocatedJson.Parse(onDisk);
        }
        catch (JsonException e)
        {
            int line = (int)(e.LineNumber ?? 0) + 1;
            int column = (int)(e.BytePositionInLine ?? 0) + 1;
            return DiagnosticCatalog.PlanDrift.Create(new SourceLocation(planPath, line, column), name, "$", "the plan is not valid JSON");
        }

        JsonDifference? difference = JsonValueComparer.FirstDifference(expected, LocatedJson.Parse(solvedPlan));
        if (difference is null)
        {
            return null;
        }

        (int Line, int Column) position = TextPosition.FromUtf8Offset(LocatedJson.WithoutBom(onDisk), difference.Offset);
        return DiagnosticCatalog.PlanDrift.Create(new SourceLocation(planPath, position.Line, position.Column),
            name, difference.Path, difference.Description);
    }

    private static bool IsEqualOnDisk(string planPath, ReadOnlySpan<byte> solvedPlan)
    {
        try
        {
            if (!File.Exists(planPath))
            {
                return false;
            }

            LocatedJson onDisk = LocatedJson.Parse(File.ReadAllBytes(planPath));
            return JsonValueComparer.FirstDifference(onDisk, LocatedJson.Parse(solvedPlan)) is null;
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            // Unreadable or not JSON: Update mode simply writes the solved plan over it.
            return false;
        }
    }
}
