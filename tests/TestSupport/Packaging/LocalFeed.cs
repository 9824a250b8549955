using System.Runtime.InteropServices;

namespace PartitionCompiler.TestSupport.Packaging;

/// <summary>
/// The PartitionCompiler packages packed into a NuGet feed in a fresh temp folder: <c>dotnet pack src/PartitionTask</c>
/// with a version no other run uses (NuGet never re-extracts an id and version it already has) and only this machine's
/// ONNX Runtime natives. Consumer projects created under <see cref="Root"/> use it through the files written by
/// <see cref="WriteEmptyDirectoryBuildFiles"/> and <see cref="WriteNuGetConfig"/>. Dispose removes the temp folder and
/// this version's copies in the global packages folder.
/// </summary>
public sealed class LocalFeed : IDisposable
{
    private static readonly string[] PackageIds = ["partitioncompiler", "partitioncompiler.runtime", "partitioncompiler.runtime.grpc"];

    private readonly string _label;

    /// <summary>Creates an empty feed under <c>TEMP/<paramref name="tempFolderName"/>/ID/</c>, versioned
    /// <c>0.0.0-<paramref name="label"/>.ID</c>.</summary>
    public LocalFeed(string tempFolderName, string label)
    {
        _label = label;
        Root = Path.Combine(Path.GetTempPath(), tempFolderName, Guid.NewGuid().ToString("N")[..12]);
        Feed = Path.Combine(Root, "feed");
        Version = $"0.0.0-{label}.{Path.GetFileName(Root)}";
        Directory.CreateDirectory(Feed);
    }

    /// <summary>The temp folder of this run; consumers are created under it.</summary>
    public string Root { get; }

    /// <summary>The folder the packages are packed into.</summary>
    public string Feed { get; }

    /// <summary>The packages' version, <c>0.0.0-LABEL.ID</c>.</summary>
    public string Version { get; }

    /// <summary>
    /// Packs the packages of the repository at <paramref name="repositoryRoot"/> in <paramref name="configuration"/> into
    /// <see cref="Feed"/>; packing failed unless the run's exit code is 0.
    /// </summary>
    public DotnetRun Pack(string repositoryRoot, string configuration, IEnumerable<string>? extraArguments = null, TimeSpan? timeout = null)
    {
        // PackageVersion (not Version) names the packages without changing the assemblies' version, so the repository's
        // own build outputs are not recompiled.
        string[] arguments =
        [
            "pack", Path.Combine("src", "PartitionTask"), "-c", configuration, "-o", Feed,
            $"-p:PackageVersion={Version}", $"-p:PartitionCompilerPackRids={RuntimeInformation.RuntimeIdentifier}",
            "-nodeReuse:false", "-tl:off", .. extraArguments ?? [],
        ];
        return DotnetCli.Run(repositoryRoot, arguments, timeout);
    }

    /// <summary>
    /// Writes empty <c>Directory.Build.props</c> and <c>Directory.Build.targets</c> into <paramref name="folder"/> unless they
    /// are there, so projects below it see none of the files above (a temp folder may sit under anything). Written once:
    /// they are inputs of every build below them, so rewriting them would make a built project stale.
    /// </summary>
    public static void WriteEmptyDirectoryBuildFiles(string folder)
    {
        Directory.CreateDirectory(folder);
        foreach (string file in new[] { "Directory.Build.props", "Directory.Build.targets" })
        {
            string path = Path.Combine(folder, file);
            if (!File.Exists(path))
            {
                File.WriteAllText(path, "<Project />\n");
            }
        }
    }

    /// <summary>Writes a <c>nuget.config</c> into <paramref name="folder"/> that adds this feed as a package source.</summary>
    public void WriteNuGetConfig(string folder)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "nuget.config"), $"""
            <configuration>
              <packageSources>
                <add key="partitioncompiler-{_label}" value="{Feed}" />
              </packageSources>
            </configuration>

            """);
    }

    public void Dispose()
    {
        string globalPackages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        foreach (string id in PackageIds)
        {
            TryDelete(Path.Combine(globalPackages, id, Version));
            string idFolder = Path.Combine(globalPackages, id);
            if (Directory.Exists(idFolder) && !Directory.EnumerateFileSystemEntries(idFolder).Any())
            {
                TryDelete(idFolder);
            }
        }

        TryDelete(Root);
    }

    private static void TryDelete(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (IOException)
        {
            // Best effort: a leftover temp folder neither fails a test nor changes a figure.
        }
    }
}
