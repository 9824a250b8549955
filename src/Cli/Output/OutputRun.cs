using System.Text;
using PartitionCompiler.Partitioning.Diagnostics;

namespace PartitionCompiler.Cli.Output;

/// <summary>
/// The files one <c>partc plan</c> run writes, as a unit. Each output is written atomically and only when its bytes
/// change (<see cref="AtomicFile"/>). <see cref="Complete"/>, called after a successful run, deletes the files the
/// previous run's outputs list named that this run did not produce, and then writes the new outputs list, last.
/// </summary>
/// <remarks>
/// Deleting is confined: only files inside one of the folders the run owns (the stage and generated-code folders it
/// was given) are deleted, and never a plan, so a stale or edited outputs list cannot make the run delete anything
/// else. A folder left empty by a deletion is removed too, up to the owned folder. File system failures become
/// PC0503 diagnostics.
/// </remarks>
internal sealed class OutputRun
{
    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    private static readonly StringComparison PathComparison =
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    private static readonly StringComparer PathComparer = StringComparer.FromComparison(PathComparison);

    private readonly string? _outputsListPath;
    private readonly IReadOnlyList<string> _ownedFolders;
    private readonly DiagnosticBag _diagnostics;
    private readonly Dictionary<string, OutputEntry> _produced = new(PathComparer);

    /// <param name="outputsListPath">The outputs list to read (previous run) and write; null: no list, no deletions.</param>
    /// <param name="ownedFolders">Folders whose files this run may delete when they are no longer produced.</param>
    /// <param name="diagnostics">Receives PC0503 for file system failures.</param>
    public OutputRun(string? outputsListPath, IEnumerable<string> ownedFolders, DiagnosticBag diagnostics)
    {
        _outputsListPath = outputsListPath is null ? null : Path.GetFullPath(outputsListPath);
        _ownedFolders = [.. ownedFolders.Select(f => Path.TrimEndingDirectorySeparator(Path.GetFullPath(f)) + Path.DirectorySeparatorChar)];
        _diagnostics = diagnostics;
    }

    /// <summary>What this run produced so far, in the order first recorded.</summary>
    public IReadOnlyCollection<OutputEntry> Produced => _produced.Values;

    /// <summary>Writes <paramref name="content"/> unless the file already holds it, and records it as an output.
    /// Returns true when the file was written; false when it was unchanged or could not be written (PC0503).</summary>
    public bool Write(OutputKind kind, string path, ReadOnlySpan<byte> content)
    {
        string fullPath = Path.GetFullPath(path);
        try
        {
            bool written = AtomicFile.WriteIfChanged(fullPath, content);
            Record(kind, fullPath);
            return written;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _diagnostics.Add(DiagnosticCatalog.OutputFileAccess, new SourceLocation(fullPath), "write", fullPath, e.Message);
            return false;
        }
    }

    /// <summary><see cref="Write"/> for text: UTF-8 without a byte order mark, the text's own line endings.</summary>
    public bool WriteText(OutputKind kind, string path, string text) => Write(kind, path, Utf8.GetBytes(text));

    /// <summary>Records a file this run produced without writing it (a plan that is already equal on disk).</summary>
    public void Keep(OutputKind kind, string path) => Record(kind, Path.GetFullPath(path));

    /// <summary>
    /// Finishes a run: unless <paramref name="diagnostics"/> of the whole run hold an error, deletes stale outputs
    /// and writes the outputs list. Returns the deleted files; empty when the run failed (then nothing is touched, and
    /// the previous list stays so the next run still knows what to clean up).
    /// </summary>
    public IReadOnlyList<string> Complete()
    {
        if (_diagnostics.HasErrors || _outputsListPath is null)
        {
            return [];
        }

        var deleted = new List<string>();
        IReadOnlyList<OutputEntry> previous;
        try
        {
            previous = OutputsList.Read(_outputsListPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _diagnostics.Add(DiagnosticCatalog.OutputFileAccess, new SourceLocation(_outputsListPath), "read", _outputsListPath, e.Message);
            return [];
        }

        foreach (OutputEntry stale in previous)
        {
            string fullPath = Path.GetFullPath(stale.Path);
            if (stale.Kind != OutputKind.Plan && !_produced.ContainsKey(fullPath) && OwningFolder(fullPath) is string owner
                && File.Exists(fullPath) && TryDelete(fullPath, owner))
            {
                deleted.Add(fullPath);
            }
        }

        if (!_diagnostics.HasErrors)
        {
            try
            {
                AtomicFile.WriteIfChanged(_outputsListPath, Utf8.GetBytes(OutputsList.Format(_produced.Values)));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                _diagnostics.Add(DiagnosticCatalog.OutputFileAccess, new SourceLocation(_outputsListPath), "write", _outputsListPath, e.Message);
            }
        }

        return deleted;
    }

    private void Record(OutputKind kind, string fullPath) => _produced[fullPath] = new OutputEntry(kind, fullPath);

    private string? OwningFolder(string fullPath) =>
        _ownedFolders.FirstOrDefault(folder => fullPath.StartsWith(folder, PathComparison));

    private bool TryDelete(string fullPath, string owner)
    {
        try
        {
            File.Delete(fullPath);
            string? folder = Path.GetDirectoryName(fullPath);
            while (folder is not null && (folder + Path.DirectorySeparatorChar).Length > owner.Length
                   && !Directory.EnumerateFileSystemEntries(folder).Any())
            {
                Directory.Delete(folder);
                folder = Path.GetDirectoryName(folder);
            }

            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _diagnostics.Add(DiagnosticCatalog.OutputFileAccess, new SourceLocation(fullPath), "delete", fullPath, e.Message);
            return false;
        }
    }
}
