using PartitionCompiler.TestSupport.Packaging;

namespace PartitionCompiler.Bench;

/// <summary>
/// The two projects the build-overhead harness compares, made from packages packed by this run: <c>partitioned</c>
/// references <c>PartitionCompiler</c> and partitions the GlassesPhoneCloud sample's model with its manifest but never
/// calls the generated code; <c>runtime-only</c> references only <c>PartitionCompiler.Runtime</c>. Both have the same
/// one-line program and live in a temp folder with empty Directory.Build files above them and their own nuget.config.
/// </summary>
internal sealed class BuildOverheadConsumers : IDisposable
{
    private const string ProgramText = "System.Console.WriteLine(\"hello\");\n";

    private readonly LocalFeed _feed;

    private BuildOverheadConsumers(LocalFeed feed)
    {
        _feed = feed;
        Partitioned = Path.Combine(Root, "partitioned");
        RuntimeOnly = Path.Combine(Root, "runtime-only");
    }

    public string Root => _feed.Root;

    public string Version => _feed.Version;

    /// <summary>The project folder of the consumer with a <c>PartitionModel</c>.</summary>
    public string Partitioned { get; }

    /// <summary>The project folder of the consumer that references only the runtime package.</summary>
    public string RuntimeOnly { get; }

    /// <summary>Packs the packages into a fresh feed and writes both projects; null (after printing why) on failure.</summary>
    public static BuildOverheadConsumers? Create(string repositoryRoot)
    {
        var feed = new LocalFeed("pc-build-overhead", "bench");
        var consumers = new BuildOverheadConsumers(feed);
        Console.WriteLine($"packing {feed.Version} into {feed.Feed} ...");
        DotnetRun pack = feed.Pack(repositoryRoot, "Release", ["-v:q", "-nologo"]);
        if (pack.ExitCode != 0)
        {
            Console.WriteLine(pack.Output);
            consumers.Dispose();
            return null;
        }

        LocalFeed.WriteEmptyDirectoryBuildFiles(consumers.Root);
        feed.WriteNuGetConfig(consumers.Root);

        string sample = Path.Combine(repositoryRoot, "samples", "GlassesPhoneCloud");
        Directory.CreateDirectory(Path.Combine(consumers.Partitioned, "models"));
        File.Copy(Path.Combine(sample, "models", "scene.onnx"), Path.Combine(consumers.Partitioned, "models", "scene.onnx"));
        File.Copy(Path.Combine(sample, "scene.devices.json"), Path.Combine(consumers.Partitioned, "scene.devices.json"));
        WriteProject(consumers.Partitioned, "Partitioned", $"""
                <PackageReference Include="PartitionCompiler" Version="{consumers.Version}" />
                <PartitionModel Include="models/scene.onnx" Manifest="scene.devices.json" />
            """);
        WriteProject(consumers.RuntimeOnly, "RuntimeOnly", $"""
                <PackageReference Include="PartitionCompiler.Runtime" Version="{consumers.Version}" />
            """);
        return consumers;
    }

    /// <summary>Runs <c>dotnet</c> (<see cref="DotnetCli"/>: node reuse and the MSBuild server off); returns exit code, output and wall time.</summary>
    public static (int ExitCode, string Output, double Milliseconds) RunDotnet(string workingDirectory, params string[] arguments)
    {
        DotnetRun run = DotnetCli.Run(workingDirectory, arguments);
        return (run.ExitCode, run.Output, run.Elapsed.TotalMilliseconds);
    }

    /// <summary>Deletes the temp folder and this version's copies in the global packages folder.</summary>
    public void Dispose() => _feed.Dispose();

    private static void WriteProject(string folder, string name, string references)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, name + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
              </PropertyGroup>
              <ItemGroup>
            {references}
              </ItemGroup>
            </Project>

            """);
        File.WriteAllText(Path.Combine(folder, "Program.cs"), ProgramText);
    }
}
