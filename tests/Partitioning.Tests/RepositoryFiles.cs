namespace PartitionCompiler.Partitioning.Tests;

/// <summary>Finds files of this repository (schemas, docs) from the test's output folder.</summary>
internal static class RepositoryFiles
{
    private static readonly Lazy<string> Root = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PartitionCompiler.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("PartitionCompiler.sln not found above " + AppContext.BaseDirectory);
    });

    public static string PathOf(string relative) => Path.Combine(Root.Value, relative);

    public static string Read(string relative) => File.ReadAllText(PathOf(relative));
}
