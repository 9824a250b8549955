using PartitionCompiler.Cli.Output;
using PartitionCompiler.Partitioning.Diagnostics;

namespace PartitionCompiler.Cli.Planning;

/// <summary>
/// Writes what a <c>partc plan</c> run produced, through one <see cref="OutputRun"/>: the stage models (and their
/// <c>.data</c> files), the generated C#, then the plan, so a plan on disk never names a stage file that is not there
/// yet. Every file is written atomically and only when its bytes change; the plan only when it changes as JSON
/// (<see cref="PlanLock"/>). Locked mode checks the plan before anything is written, so a drifted plan leaves every
/// file as it was. <see cref="Complete"/> writes the outputs list, last.
/// </summary>
internal sealed class PlanFiles
{
    private readonly OutputRun _run;

    private PlanFiles(OutputRun run) => _run = run;

    /// <summary>What happened to the plan file.</summary>
    public PlanFileState PlanState { get; private set; }

    /// <summary>Stage models, data files and C# files written this run.</summary>
    public int Written { get; private set; }

    /// <summary>Stage models, data files and C# files that already held these bytes (left untouched).</summary>
    public int Unchanged { get; private set; }

    /// <summary>Files of the previous run that this run no longer produces, deleted by <see cref="Complete"/>.</summary>
    public IReadOnlyList<string> Deleted { get; private set; } = [];

    /// <summary>Writes everything but the outputs list. Returns null after reporting PC0501/PC0502 (locked mode) or
    /// PC0503 (a file that cannot be written); files already written stay (each is whole).</summary>
    public static PlanFiles? Write(PlannedModel planned, PlanMode mode, string? outputsList, DiagnosticBag diagnostics)
    {
        var locations = planned.Locations;
        if (mode == PlanMode.Locked && PlanLock.Check(locations.PlanPath, planned.PlanJson) is { } problem)
        {
            diagnostics.Add(problem);
            return null;
        }

        string[] owned = locations.GeneratedFolder is null ? [locations.PartitionsRoot] : [locations.PartitionsRoot, locations.GeneratedFolder];
        var files = new PlanFiles(new OutputRun(outputsList, owned, diagnostics));
        int errors = diagnostics.ErrorCount;
        foreach (var stage in planned.Stages.Stages)
        {
            files.Count(files._run.Write(OutputKind.Model, locations.StageFile(stage.RelativePath), stage.Content.Span));
            if (stage.Data is { } data)
            {
                files.Count(StageDataWriter.Write(files._run, locations.StageFile(data.RelativePath), data, diagnostics));
            }
        }

        foreach (var file in planned.Code)
        {
            files.Count(files._run.WriteText(OutputKind.Compile, Path.Combine(locations.GeneratedFolder!, file.HintName), file.Text));
        }

        if (diagnostics.ErrorCount > errors)
        {
            return null;
        }

        bool written = PlanLock.Emit(mode, locations.PlanPath, planned.PlanJson, files._run, diagnostics);
        files.PlanState = mode == PlanMode.Locked ? PlanFileState.Matched : written ? PlanFileState.Written : PlanFileState.Unchanged;
        return diagnostics.ErrorCount > errors ? null : files;
    }

    /// <summary>Deletes the previous run's files this run did not produce and writes the outputs list (both only when
    /// the whole run, <paramref name="diagnostics"/>, holds no error).</summary>
    public void Complete() => Deleted = _run.Complete();

    private void Count(bool written)
    {
        if (written)
        {
            Written++;
        }
        else
        {
            Unchanged++;
        }
    }
}
