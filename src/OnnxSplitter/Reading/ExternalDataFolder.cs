namespace PartitionCompiler.OnnxSplitter.Reading;

/// <summary>
/// Resolves the <c>location</c> of external tensor data against the model's folder, and refuses every way out of it:
/// absolute paths, <c>..</c> segments that climb above the folder, and symbolic links (of the file or of a folder on
/// the way) whose target lies outside. ONNX Runtime applies the same rule when it loads the model.
/// </summary>
internal sealed class ExternalDataFolder
{
    private readonly string _folder;
    private readonly string _realFolder;
    private readonly Dictionary<string, Resolution> _cache = new(StringComparer.Ordinal);

    public ExternalDataFolder(string folder)
    {
        _folder = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        _realFolder = RealPath(_folder);
    }

    internal enum Outcome
    {
        Found,
        Missing,
        Outside,
    }

    /// <summary>Where a location leads: the file's full path and length when it exists inside the folder.</summary>
    internal readonly record struct Resolution(Outcome Outcome, string FullPath, long Length);

    public Resolution Resolve(string location)
    {
        if (!_cache.TryGetValue(location, out var resolution))
        {
            resolution = ResolveUncached(location);
            _cache[location] = resolution;
        }

        return resolution;
    }

    private Resolution ResolveUncached(string location)
    {
        // Both separators count, whatever this machine uses: a model written on Windows may say "weights\\w.bin".
        string normalized = location.Replace('\\', '/');
        if (normalized.Length == 0 || normalized.StartsWith('/') || Path.IsPathRooted(location)
            || (normalized.Length >= 2 && normalized[1] == ':'))
        {
            return new(Outcome.Outside, location, 0);
        }

        int depth = 0;
        foreach (string segment in normalized.Split('/'))
        {
            if (segment == "..")
            {
                depth--;
                if (depth < 0)
                {
                    return new(Outcome.Outside, location, 0);
                }
            }
            else if (segment.Length > 0 && segment != ".")
            {
                depth++;
            }
        }

        string full = Path.GetFullPath(Path.Combine(_folder, normalized.Replace('/', Path.DirectorySeparatorChar)));
        if (!IsInside(full, _folder))
        {
            return new(Outcome.Outside, full, 0);
        }

        string real = RealPath(full);
        if (!IsInside(real, _realFolder))
        {
            return new(Outcome.Outside, real, 0);
        }

        var info = new FileInfo(real);
        return info.Exists ? new(Outcome.Found, real, info.Length) : new(Outcome.Missing, full, 0);
    }

    private static bool IsInside(string path, string folder) =>
        path.Length > folder.Length
        && path.StartsWith(folder, StringComparison.Ordinal)
        && (path[folder.Length] == Path.DirectorySeparatorChar || path[folder.Length] == Path.AltDirectorySeparatorChar);

    /// <summary>The path with every symbolic link on the way replaced by its final target (parts that do not exist stay as they are).</summary>
    private static string RealPath(string fullPath)
    {
        string root = Path.GetPathRoot(fullPath) ?? "";
        string current = root;
        string[] parts = fullPath[root.Length..].Split(
            [Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries);
        for (int i = 0; i < parts.Length; i++)
        {
            string next = Path.Combine(current, parts[i]);
            FileSystemInfo info = Directory.Exists(next) ? new DirectoryInfo(next) : new FileInfo(next);
            if (info.Exists && info.LinkTarget is not null)
            {
                var target = info.ResolveLinkTarget(returnFinalTarget: true);
                if (target is null)
                {
                    return Path.Combine([next, .. parts[(i + 1)..]]);
                }

                // The target may itself sit below other links: resolve it again from its root.
                next = RealPath(Path.GetFullPath(target.FullName));
            }

            current = next;
        }

        return Path.TrimEndingDirectorySeparator(current.Length == 0 ? fullPath : current);
    }
}
