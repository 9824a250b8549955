namespace PartitionCompiler.TestSupport;

/// <summary>
/// Finds files of this repository (docs, schemas, samples, golden files) from a test's output folder: the root is the
/// nearest folder above it that holds <c>PartitionCompiler.sln</c>.
/// </summary>
public static class RepositoryFiles
{
    public const string SolutionFile = "PartitionCompiler.sln";

    private static readonly Lazy<string> RootFolder = new(() => FindRoot(AppContext.BaseDirectory)
        ?? throw new DirectoryNotFoundException($"{SolutionFile} was not found above {AppContext.BaseDirectory}"));

    /// <summary>The repository root above the test's output folder.</summary>
    public static string Root => RootFolder.Value;

    /// <summary>The nearest folder at or above <paramref name="start"/> that holds <see cref="SolutionFile"/>, or null.</summary>
    public static string? FindRoot(string start)
    {
        for (DirectoryInfo? dir = new(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, SolutionFile)))
            {
                return dir.FullName;
            }
        }

        return null;
    }

    /// <summary>The full path of <paramref name="relative"/> (written with <c>/</c>) under the repository root.</summary>
    public static string PathOf(string relative) => Path.Combine([Root, .. relative.Split('/')]);

    public static string Read(string relative) => File.ReadAllText(PathOf(relative));
}
