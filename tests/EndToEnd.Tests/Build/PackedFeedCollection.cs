namespace PartitionCompiler.EndToEnd.Tests.Build;

[CollectionDefinition(Name)]
public sealed class PackedFeedCollection : ICollectionFixture<PackedFeed>
{
    /// <summary>The build tests share one packed feed and run one at a time (each starts MSBuild).</summary>
    public const string Name = "PartitionCompiler package";
}
