namespace PartitionCompiler.EndToEnd.Tests.Build;

/// <summary>
/// A throwaway app that uses PartitionCompiler the way a user does: a PackageReference to the packed version, one
/// <c>PartitionModel</c> item, and a Program that calls the generated class. Created in its own temp folder (outside
/// the repository, with empty Directory.Build files above it), pointed at the packed feed and at the stand-in CLI.
/// </summary>
internal sealed class Consumer
{
    public const string TwoDevices = """
        {
          // the devices, in pipeline order
          "devices": [ { "name": "glasses" }, { "name": "phone" } ]
        }

        """;

    public const string ThreeDevices = """
        {
          // the devices, in pipeline order
          "devices": [ { "name": "glasses" }, { "name": "phone" }, { "name": "cloud" } ]
        }

        """;

    private readonly PackedFeed _feed;

    public Consumer(PackedFeed feed, string name, string manifest = TwoDevices)
    {
        _feed = feed;
        Folder = Path.Combine(feed.Root, name);
        Directory.CreateDirectory(Path.Combine(Folder, "models"));
        feed.PrepareConsumer(feed.Root, Folder);
        File.WriteAllText(Path.Combine(Folder, "Consumer.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="PartitionCompiler" Version="$(PartitionCompilerVersion)" />
                <PartitionModel Include="models/detector.onnx" Manifest="detector.devices.json" />
              </ItemGroup>
            </Project>

            """);
        File.WriteAllText(Path.Combine(Folder, "Program.cs"),
            "Console.WriteLine($\"stages={Consumer.DetectorPlan.StageCount} files={string.Join(',', Consumer.DetectorPlan.StageFiles)}\");\n");
        File.WriteAllBytes(Path.Combine(Folder, "models", "detector.onnx"), [0x08, 0x03, 0x12, 0x04, 0x74, 0x65, 0x73, 0x74]);
        File.WriteAllText(Path.Combine(Folder, "detector.devices.json"), manifest);
    }

    public string Folder { get; }

    public string Manifest => Path.Combine(Folder, "detector.devices.json");

    public string Plan => Path.Combine(Folder, "detector.plan.json");

    public string WorkFolder => Path.Combine(Folder, "obj", "Debug", "net10.0", "partition", "detector");

    public string Stamp => Path.Combine(WorkFolder, "partition.stamp");

    public string GeneratedCode => Path.Combine(WorkFolder, "generated", "DetectorPlan.g.cs");

    public string OutputFolder => Path.Combine(Folder, "bin", "Debug", "net10.0");

    /// <summary><c>dotnet build</c> at normal verbosity (target skips and the tool's command line are logged).</summary>
    public DotnetResult Build(params string[] extra) =>
        Dotnet.Run(Folder, ["build", "-c", "Debug", "-v:n", "-tl:off", "-nodeReuse:false", .. Common, .. extra]);

    /// <summary>A design-time build as IDEs run it; the Compile items go to <paramref name="itemsFile"/> as JSON.</summary>
    public DotnetResult DesignTimeBuild(string itemsFile) =>
        Dotnet.Run(Folder, ["msbuild", "-v:n", "-tl:off", "-nodeReuse:false", "-t:Compile", "-p:DesignTimeBuild=true",
            "-p:SkipCompilerExecution=true", "-p:ProvideCommandLineArgs=true", "-getItem:Compile",
            $"-getResultOutputFile:{itemsFile}", .. Common]);

    public DotnetResult Run() => Dotnet.Run(Folder, "exec", Path.Combine(OutputFolder, "Consumer.dll"));

    public DotnetResult Other(string command, params string[] extra) =>
        Dotnet.Run(Folder, [command, "-c", "Debug", "-tl:off", "-nodeReuse:false", .. Common, .. extra]);

    private string[] Common => [$"-p:PartitionCompilerVersion={_feed.Version}", $"-p:PartitionCompilerCliPath={BuildPaths.FakeCli}"];
}
