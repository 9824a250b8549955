using PartitionCompiler.Cli.Output;
using PartitionCompiler.Partitioning.Collections;
using PartitionCompiler.Partitioning.Diagnostics;
using PartitionCompiler.Partitioning.Manifest;

namespace PartitionCompiler.Cli.Planning;

/// <summary>
/// Reads the manifest a <c>partc plan</c> run names: the file (PC0052), the parse (PC00xx), the files it names (the
/// model unless <c>--model</c> replaces it, and the device profiles), a model from somewhere (PC0053), and the
/// command line's overrides, of which only a strategy that cannot run yet is refused (PC0320).
/// </summary>
internal static class ManifestLoader
{
    public static LoadedManifest? Load(PlanSettings settings, DiagnosticBag diagnostics)
    {
        string path = settings.ManifestPath;
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            string reason = e is FileNotFoundException or DirectoryNotFoundException ? "the file does not exist" : e.Message;
            diagnostics.Add(DiagnosticCatalog.ManifestUnreadable, new SourceLocation(path), path, reason);
            return null;
        }

        var manifest = ManifestParser.Parse(bytes, path, diagnostics);
        if (manifest is null)
        {
            return null;
        }

        bool modelFromCommandLine = settings.ModelPath is not null;
        if (!ManifestFileChecks.Check(manifest, path, File.Exists, diagnostics, checkModel: !modelFromCommandLine))
        {
            return null;
        }

        string? model = settings.ModelPath ?? (manifest.ModelPath is string named ? ManifestFileChecks.Resolve(path, named) : null);
        if (model is null)
        {
            diagnostics.Add(DiagnosticCatalog.NoModelNamed, new SourceLocation(path, 1, 1), "$");
            return null;
        }

        var strategy = settings.Strategy ?? manifest.Strategy;
        if (strategy == PartitionStrategy.Fused)
        {
            var at = settings.Strategy is null ? PropertyLocation(path, bytes, "strategy") : null;
            string origin = settings.Strategy is null ? "the manifest's \"strategy\"" : "--strategy fused";
            diagnostics.Add(DiagnosticCatalog.StrategyNotAvailable, at, "fused", origin);
            return null;
        }

        manifest = manifest with
        {
            Strategy = strategy,
            Inputs = MergePins(manifest.Inputs, settings.Pins ?? []),
        };
        return new LoadedManifest(path, manifest, ManifestHash.Compute(bytes), model, bytes);
    }

    /// <summary>The manifest's pins with each command-line pin replacing the one of the same input (or added).</summary>
    private static EquatableArray<InputPin> MergePins(EquatableArray<InputPin> manifest, IReadOnlyList<InputPin> commandLine)
    {
        if (commandLine.Count == 0)
        {
            return manifest;
        }

        var merged = manifest.Where(p => !commandLine.Any(c => string.Equals(c.Name, p.Name, StringComparison.Ordinal))).ToList();
        merged.AddRange(commandLine);
        return merged.ToEquatableArray();
    }

    /// <summary>Where a top-level property of the manifest is written, or the manifest file when it cannot be found.</summary>
    private static SourceLocation PropertyLocation(string path, byte[] bytes, string name)
    {
        try
        {
            var root = LocatedJson.Parse(bytes);
            var property = root.Properties.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.Ordinal));
            if (property is not null)
            {
                var (line, column) = TextPosition.FromUtf8Offset(LocatedJson.WithoutBom(bytes), property.NameOffset);
                return new SourceLocation(path, line, column);
            }
        }
        catch (System.Text.Json.JsonException)
        {
            // The parser accepted the manifest; if this reader does not, the file itself is the best place to point.
        }

        return new SourceLocation(path);
    }
}
