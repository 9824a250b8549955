namespace PartitionCompiler.Cli.Planning;

/// <summary>
/// Where a <c>partc plan</c> run reads and writes (DESIGN.md section 5): the plan file (named after the manifest, beside
/// it or in <c>--out</c>, or <c>--plan</c>), the partitions root the plan's stage <c>file</c> paths are relative to
/// (<c>--out</c> or <c>--stages</c>), the generated-code folder, and the model, both as a full path and as the plan
/// records it (relative to the plan file, with <c>/</c>). Every path here is full.
/// </summary>
internal sealed record PlanLocations(
    string PlanPath,
    string PartitionsRoot,
    string? GeneratedFolder,
    string ModelPath,
    string ModelPathInPlan)
{
    /// <summary>The plan file name for a manifest file name: drop <c>.json</c>, then a trailing <c>.devices</c>
    /// (both ignoring case), and add <c>.plan.json</c>: <c>detector.devices.json</c> -&gt; <c>detector.plan.json</c>,
    /// <c>rig.json</c> -&gt; <c>rig.plan.json</c>.</summary>
    public static string PlanFileName(string manifestPath)
    {
        string name = Path.GetFileName(manifestPath);
        name = StripSuffix(name, ".json");
        name = StripSuffix(name, ".devices");
        return name + ".plan.json";
    }

    /// <summary>Resolves the locations of a run whose model is <paramref name="modelPath"/> (as given or resolved
    /// against the manifest's folder).</summary>
    public static PlanLocations Resolve(PlanSettings settings, string modelPath)
    {
        string manifest = Path.GetFullPath(settings.ManifestPath);
        string outFolder = Path.GetFullPath(settings.OutFolder ?? Path.GetDirectoryName(manifest)!);
        string plan = Path.GetFullPath(settings.PlanPath ?? Path.Combine(outFolder, PlanFileName(manifest)));
        string stages = Path.GetFullPath(settings.StagesFolder ?? outFolder);
        string? generated = settings.GeneratedFolder is null ? null : Path.GetFullPath(settings.GeneratedFolder);
        string model = Path.GetFullPath(modelPath);
        return new PlanLocations(plan, stages, generated, model, RelativeWithSlashes(Path.GetDirectoryName(plan)!, model));
    }

    /// <summary><paramref name="path"/> relative to <paramref name="folder"/>, with <c>/</c> as the separator (a path
    /// on another drive stays absolute: there is no relative form).</summary>
    public static string RelativeWithSlashes(string folder, string path) =>
        Path.GetRelativePath(folder, path).Replace('\\', '/');

    /// <summary>The full path of a stage file (<c>file</c> relative to the partitions root, with <c>/</c>).</summary>
    public string StageFile(string relativePath) =>
        Path.Combine(PartitionsRoot, relativePath.Replace('/', Path.DirectorySeparatorChar));

    private static string StripSuffix(string name, string suffix) =>
        name.Length > suffix.Length && name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase) ? name[..^suffix.Length] : name;
}
