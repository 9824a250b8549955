using System.IO.Compression;
using PartitionCompiler.TestSupport.Packaging;

namespace PartitionCompiler.EndToEnd.Tests.Build;

/// <summary>
/// Packs the PartitionCompiler packages once for the build tests (<see cref="LocalFeed"/>: a temp feed, a version no
/// other run uses, only this machine's ONNX Runtime natives), in the configuration the tests were built in. Also extracts
/// the PartitionCompiler package, for tests that import its build files directly. Removes the feed and the extracted
/// copies in the global packages folder afterwards.
/// </summary>
public sealed class PackedFeed : IDisposable
{
    private readonly LocalFeed _feed;

    public PackedFeed()
    {
        _feed = new LocalFeed("pc-build-tests", "test");
        DotnetRun pack = _feed.Pack(BuildPaths.RepositoryRoot, BuildPaths.Configuration, timeout: Dotnet.Timeout);
        PackResult = new DotnetResult(pack.ExitCode, pack.Output, pack.Command);
        Package = Path.Combine(Feed, $"PartitionCompiler.{Version}.nupkg");
        Extracted = Path.Combine(Root, "package");
        if (PackResult.ExitCode == 0 && File.Exists(Package))
        {
            ZipFile.ExtractToDirectory(Package, Extracted);
        }
    }

    /// <summary>The temp folder of this run; consumers are created under it.</summary>
    public string Root => _feed.Root;

    public string Feed => _feed.Feed;

    public string Version => _feed.Version;

    internal DotnetResult PackResult { get; }

    /// <summary>The PartitionCompiler .nupkg.</summary>
    public string Package { get; }

    /// <summary>The PartitionCompiler package, unzipped (build/, tasks/, tools/).</summary>
    public string Extracted { get; }

    /// <summary>Fails the calling test with the pack output if packing failed.</summary>
    public void EnsurePacked() => PackResult.Succeeded();

    /// <summary>Prepares a consumer project folder under <see cref="Root"/>: empty Directory.Build files in
    /// <paramref name="isolationFolder"/> (written once) and a nuget.config naming the feed in <paramref name="projectFolder"/>.</summary>
    public void PrepareConsumer(string isolationFolder, string projectFolder)
    {
        LocalFeed.WriteEmptyDirectoryBuildFiles(isolationFolder);
        _feed.WriteNuGetConfig(projectFolder);
    }

    public void Dispose() => _feed.Dispose();
}
