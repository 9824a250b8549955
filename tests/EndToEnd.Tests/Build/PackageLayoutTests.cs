using System.IO.Compression;
using System.Runtime.InteropServices;
using System.Xml.Linq;

namespace PartitionCompiler.EndToEnd.Tests.Build;

/// <summary>
/// <c>dotnet pack src/PartitionTask -o DIR</c> writes every package a consumer needs, at one version; the
/// PartitionCompiler package holds the build files, the task under tasks/ (not lib/), the CLI under tools/cli without
/// symbols, import libraries or mobile ONNX Runtime assets, and depends on PartitionCompiler.Runtime.
/// </summary>
[Collection(PackedFeedCollection.Name)]
public sealed class PackageLayoutTests(PackedFeed feed, ITestOutputHelper output)
{
    [Fact]
    public void Pack_writes_the_task_package_and_the_runtime_packages_at_one_version()
    {
        feed.EnsurePacked();

        string[] packages = [.. Directory.GetFiles(feed.Feed, "*.nupkg").Select(Path.GetFileName).Order(StringComparer.Ordinal)!];

        Assert.Equal(
            [$"PartitionCompiler.{feed.Version}.nupkg", $"PartitionCompiler.Runtime.{feed.Version}.nupkg", $"PartitionCompiler.Runtime.Grpc.{feed.Version}.nupkg"],
            packages);
        foreach (string package in Directory.GetFiles(feed.Feed, "*.nupkg"))
        {
            output.WriteLine($"{Path.GetFileName(package)}: {new FileInfo(package).Length:N0} bytes");
        }

        XElement grpc = Nuspec(Path.Combine(feed.Feed, $"PartitionCompiler.Runtime.Grpc.{feed.Version}.nupkg"));
        Assert.Contains(Dependencies(grpc), d => d is ("PartitionCompiler.Runtime", var version) && version == feed.Version);
    }

    [Fact]
    public void The_package_has_build_files_task_and_trimmed_cli_and_depends_on_the_runtime()
    {
        feed.EnsurePacked();
        using ZipArchive zip = ZipFile.OpenRead(feed.Package);
        string[] entries = [.. zip.Entries.Select(e => e.FullName)];
        string rid = RuntimeInformation.RuntimeIdentifier;

        Assert.Contains("build/PartitionCompiler.props", entries);
        Assert.Contains("build/PartitionCompiler.targets", entries);
        Assert.Contains("tasks/netstandard2.0/PartitionCompiler.Tasks.dll", entries);
        Assert.Contains("tools/cli/PartitionCompiler.Cli.dll", entries);
        Assert.Contains("tools/cli/PartitionCompiler.Cli.runtimeconfig.json", entries);
        Assert.Contains("tools/cli/PartitionCompiler.Cli.deps.json", entries);
        Assert.Contains(entries, e => e.StartsWith($"tools/cli/runtimes/{rid}/native/", StringComparison.Ordinal) && e.Contains("onnxruntime", StringComparison.Ordinal));
        Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal));
        Assert.DoesNotContain(entries, e => e.EndsWith(".pdb", StringComparison.Ordinal) || e.EndsWith(".lib", StringComparison.Ordinal));
        Assert.DoesNotContain(entries, e => e.Contains("/android", StringComparison.Ordinal) || e.Contains("/ios", StringComparison.Ordinal));
        Assert.DoesNotContain(entries, e => e.StartsWith("tools/cli/runtimes/", StringComparison.Ordinal) && !e.StartsWith($"tools/cli/runtimes/{rid}/", StringComparison.Ordinal));
        Assert.DoesNotContain("tools/cli/PartitionCompiler.Cli", entries); // no apphost: the task runs `dotnet exec`

        XElement nuspec = Nuspec(feed.Package);
        Assert.Equal("PartitionCompiler", Child(nuspec, "id")?.Value);
        Assert.Equal(feed.Version, Child(nuspec, "version")?.Value);
        Assert.NotEqual("true", Child(nuspec, "developmentDependency")?.Value);
        Assert.Equal([("PartitionCompiler.Runtime", feed.Version)], Dependencies(nuspec));

        long expanded = zip.Entries.Sum(e => e.Length);
        output.WriteLine($"PartitionCompiler.{feed.Version}.nupkg: {new FileInfo(feed.Package).Length:N0} bytes, {expanded:N0} bytes expanded, {entries.Length} entries ({rid} natives only)");
    }

    private static XElement Nuspec(string package)
    {
        using ZipArchive zip = ZipFile.OpenRead(package);
        ZipArchiveEntry entry = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
        using Stream stream = entry.Open();
        return Child(XDocument.Load(stream).Root!, "metadata")!;
    }

    private static XElement? Child(XElement element, string name) => element.Elements().FirstOrDefault(e => e.Name.LocalName == name);

    private static (string Id, string Version)[] Dependencies(XElement metadata) =>
        [.. metadata.Descendants().Where(e => e.Name.LocalName == "dependency")
            .Select(e => ((string)e.Attribute("id")!, (string)e.Attribute("version")!))];
}
