using System.Text;

namespace PartitionCompiler.Cli.Output;

/// <summary>
/// The outputs list file: one line per file a successful run produced, <c>kind&lt;TAB&gt;absolute path</c>, sorted by
/// path (ordinal), <c>\n</c> line endings. The MSBuild targets read it to add generated code and stage models to the
/// build, and the next run reads it to delete what it no longer produces.
/// </summary>
internal static class OutputsList
{
    /// <summary>The entries of an outputs list; a missing file is an empty list, and lines that are not
    /// <c>kind&lt;TAB&gt;path</c> with a known kind and an absolute path are ignored.</summary>
    public static IReadOnlyList<OutputEntry> Read(string path)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        var entries = new List<OutputEntry>();
        foreach (string line in File.ReadAllLines(path, Encoding.UTF8))
        {
            int tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab <= 0)
            {
                continue;
            }

            string file = line[(tab + 1)..].TrimEnd('\r');
            if (OutputKinds.TryParse(line[..tab], out OutputKind kind) && System.IO.Path.IsPathFullyQualified(file))
            {
                entries.Add(new OutputEntry(kind, file));
            }
        }

        return entries;
    }

    /// <summary>The file's text for <paramref name="entries"/>: deterministic, one line each, sorted by path.</summary>
    public static string Format(IEnumerable<OutputEntry> entries)
    {
        var builder = new StringBuilder();
        foreach (OutputEntry entry in entries.OrderBy(e => e.Path, StringComparer.Ordinal).ThenBy(e => e.Kind))
        {
            builder.Append(entry.Kind.Token()).Append('\t').Append(entry.Path).Append('\n');
        }

        return builder.ToString();
    }
}
