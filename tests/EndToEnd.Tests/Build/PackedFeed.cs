using System.IO.Compression;
using System.Runtime.InteropServices;

namespace PartitionCompiler.EndToEnd.Tests.Build;

/// <summary>
/// Packs the PartitionCompiler packages once for the build tests: <c>dotnet pack src/PartitionTask</c> into a temp
/// feed, with a version no other run uses (NuGet never re-extracts an id and version it already has) and only this
/// machine's ONNX Runtime natives. Also extracts the PartitionCompiler package, for tests that import its build files
/// directly. Removes the feed and the extracted copies in the global packages folder afterwards.
/// </summary>
public sealed class PackedFeed : IDisposable
{
    public PackedFeed()
    {
        Root = Path.Combine(Path.GetTempPath(), "pc-build-tests", Guid.NewGuid().ToString("N")[..12]);
        Feed = Path.Combine(Root, "feed");
        Version = $"0.0.0-test.{Path.GetFileName(Root)}";
        Directory.CreateDirectory(Feed);

        // PackageVersion (not Version) names the packages without changing the assemblies' version, so the
        // repository's own build outputs are not recompiled by the tests.
        PackResult = Dotnet.Run(BuildPaths.RepositoryRoot,
            "pack", Path.Combine("src", "PartitionTask"), "-c", BuildPaths.Configuration, "-o", Feed,
            $"-p:PackageVersion={Version}", $"-p:PartitionCompilerPackRids={RuntimeInformation.RuntimeIdentifier}",
            "-nodeReuse:false", "-tl:off");

        Package = Path.Combine(Feed, $"PartitionCompiler.{Version}.nupkg");
        Extracted = Path.Combine(Root, "package");
        if (PackResult.ExitCode == 0 && File.Exists(Package))
        {
            ZipFile.ExtractToDirectory(Package, Extracted);
        }
    }

    /// <summary>The temp folder of this run; consumers are created under it.</summary>
    public string Root { get; }

    public string Feed { get; }

    public string Version { get; }

    internal DotnetResult PackResult { get; }

    /// <summary>The PartitionCompiler .nupkg.</summary>
    public string Package { get; }

    /// <summary>The PartitionCompiler package, unzipped (build/, tasks/, tools/).</summary>
    public string Extracted { get; }

    /// <summary>Fails the calling test with the pack output if packing failed.</summary>
    public void EnsurePacked() => PackResult.Succeeded();

    public void Dispose()
    {
        string globalPackages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        foreach (string id in new[] { "partitioncompiler", "partitioncompiler.runtime", "partitioncompiler.runtime.grpc" })
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
            // Best effort: a leftover temp folder does not fail the run.
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PackedFeedCollection : ICollectionFixture<PackedFeed>
{
    /// <summary>The build tests share one packed feed and run one at a time (each starts MSBuild).</summary>
    public const string Name = "PartitionCompiler package";
}
