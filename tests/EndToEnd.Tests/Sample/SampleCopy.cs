using PartitionCompiler.EndToEnd.Tests.Build;

namespace PartitionCompiler.EndToEnd.Tests.Sample;

/// <summary>
/// A copy of <c>samples/GlassesPhoneCloud</c> outside the repository (under the packed feed's temp folder, in a
/// <c>samples</c> folder of its own with empty Directory.Build files, and a nuget.config naming the feed), built and run the way a user of the packages
/// would: every command passes <c>-p:PartitionCompilerVersion=</c> the packed version, and the real <c>partc</c> of the
/// package does the partitioning.
/// </summary>
internal sealed class SampleCopy
{
    public const string SampleName = "GlassesPhoneCloud";

    private readonly PackedFeed _feed;

    public SampleCopy(PackedFeed feed, string name)
    {
        _feed = feed;
        string root = Path.Combine(feed.Root, "samples");
        Folder = Path.Combine(root, name);
        string source = Path.Combine(BuildPaths.RepositoryRoot, "samples", SampleName);
        CopyFolder(source, Folder);

        feed.PrepareConsumer(root, Folder);
    }

    public string Folder { get; }

    public string Manifest => Path.Combine(Folder, "scene.devices.json");

    public string Plan => Path.Combine(Folder, "scene.plan.json");

    public string Model => Path.Combine(Folder, "models", "scene.onnx");

    public string WorkFolder => Path.Combine(Folder, "obj", "Debug", "net10.0", "partition", "scene");

    public string GeneratedFolder => Path.Combine(WorkFolder, "generated");

    public string OutputFolder => Path.Combine(Folder, "bin", "Debug", "net10.0");

    public string App => Path.Combine(OutputFolder, SampleName + ".dll");

    /// <summary><c>dotnet build</c> at normal verbosity (target skips and the tool's command line are logged).</summary>
    public DotnetResult Build(params string[] extra) =>
        Dotnet.Run(Folder, ["build", "-c", "Debug", "-v:n", "-tl:off", "-nodeReuse:false", VersionProperty, .. extra]);

    /// <summary><c>dotnet run --no-build -- ARGS</c>: the built app, as the README runs it.</summary>
    public DotnetResult Run(params string[] arguments) =>
        Dotnet.Run(Folder, ["run", "--no-build", "-c", "Debug", VersionProperty, "--", .. arguments]);

    private string VersionProperty => $"-p:PartitionCompilerVersion={_feed.Version}";

    private static void CopyFolder(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (string file in Directory.EnumerateFiles(source))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)), overwrite: true);
        }

        foreach (string folder in Directory.EnumerateDirectories(source))
        {
            string name = Path.GetFileName(folder);
            if (name is not ("bin" or "obj"))
            {
                CopyFolder(folder, Path.Combine(target, name));
            }
        }
    }
}
