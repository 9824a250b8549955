using PartitionCompiler.EndToEnd.Tests.Build;

namespace PartitionCompiler.EndToEnd.Tests.Sample;

/// <summary>
/// One copy of the sample built once against the packed feed and shared by the tests that only read it or run it
/// (building it costs most of the sample tests' time). Tests that break the sample use copies of their own.
/// </summary>
internal sealed class BuiltSample
{
    private static readonly Lock Gate = new();
    private static BuiltSample? _current;

    private BuiltSample(PackedFeed feed)
    {
        Version = feed.Version;
        Copy = new SampleCopy(feed, "sample-built");
        FirstBuild = Copy.Build();
    }

    /// <summary>The package version it was built with.</summary>
    public string Version { get; }

    public SampleCopy Copy { get; }

    /// <summary>The first build's result: restore, partitioning with the package's partc, compilation.</summary>
    public DotnetResult FirstBuild { get; }

    /// <summary>The sample built against <paramref name="feed"/>; the first caller builds it.</summary>
    public static BuiltSample Of(PackedFeed feed)
    {
        feed.EnsurePacked();
        lock (Gate)
        {
            if (_current is null || _current.Version != feed.Version)
            {
                _current = new BuiltSample(feed);
            }

            return _current;
        }
    }

    /// <summary>The built copy, failing the calling test with the build's output if the first build failed.</summary>
    public SampleCopy Succeeded()
    {
        FirstBuild.Succeeded().WithoutToolNoise();
        return Copy;
    }
}
