using PartitionCompiler.TestSupport;

namespace PartitionCompiler.EndToEnd.Tests.Build;

/// <summary>Where the build tests find the repository and the stand-in CLI.</summary>
internal static class BuildPaths
{
    /// <summary>The repository root: the nearest folder above the tests holding PartitionCompiler.sln.</summary>
    public static string RepositoryRoot => RepositoryFiles.Root;

    /// <summary>The stand-in for <c>partc</c> (Build/FakePartc), copied next to the tests.</summary>
    public static string FakeCli { get; } = Path.Combine(AppContext.BaseDirectory, "FakePartc.dll");

    /// <summary>The configuration these tests were built in; packing uses it, so nothing is rebuilt in another one.</summary>
    public static string Configuration =>
#if DEBUG
        "Debug";
#else
        "Release";
#endif
}
