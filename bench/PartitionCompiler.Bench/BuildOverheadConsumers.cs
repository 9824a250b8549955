using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

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

    private BuildOverheadConsumers(string repositoryRoot)
    {
        RepositoryRoot = repositoryRoot;
        Root = Path.Combine(Path.GetTempPath(), "pc-build-overhead", Guid.NewGuid().ToString("N")[..12]);
        Feed = Path.Combine(Root, "feed");
        Version = $"0.0.0-bench.{Path.GetFileName(Root)}";
        Partitioned = Path.Combine(Root, "partitioned");
        RuntimeOnly = Path.Combine(Root, "runtime-only");
    }

    public string RepositoryRoot { get; }

    public string Root { get; }

    public string Feed { get; }

    public string Version { get; }

    /// <summary>The project folder of the consumer with a <c>PartitionModel</c>.</summary>
    public string Partitioned { get; }

    /// <summary>The project folder of the consumer that references only the runtime package.</summary>
    public string RuntimeOnly { get; }

    /// <summary>Packs the packages into a fresh feed and writes both projects; null (after printing why) on failure.</summary>
    public static BuildOverheadConsumers? Create(string repositoryRoot)
    {
        var consumers = new BuildOverheadConsumers(repositoryRoot);
        Directory.CreateDirectory(consumers.Feed);
        Console.WriteLine($"packing {consumers.Version} into {consumers.Feed} ...");
        (int exit, string output, _) = RunDotnet(repositoryRoot,
            "pack", Path.Combine("src", "PartitionTask"), "-c", "Release", "-o", consumers.Feed,
            $"-p:PackageVersion={consumers.Version}", $"-p:PartitionCompilerPackRids={RuntimeInformation.RuntimeIdentifier}",
            "-nodeReuse:false", "-tl:off", "-v:q", "-nologo");
        if (exit != 0)
        {
            Console.WriteLine(output);
            consumers.Dispose();
            return null;
        }

        File.WriteAllText(Path.Combine(consumers.Root, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(consumers.Root, "Directory.Build.targets"), "<Project />\n");
        File.WriteAllText(Path.Combine(consumers.Root, "nuget.config"), $"""
            <configuration>
              <packageSources>
                <add key="partitioncompiler-bench" value="{consumers.Feed}" />
              </packageSources>
            </configuration>

            """);

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

    /// <summary>Runs <c>dotnet</c> with node reuse and the MSBuild server off; returns exit code, output and wall time.</summary>
    public static (int ExitCode, string Output, double Milliseconds) RunDotnet(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        long begin = Stopwatch.GetTimestamp();
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.WaitForExit();
        double ms = Stopwatch.GetElapsedTime(begin).TotalMilliseconds;
        lock (output)
        {
            return (process.ExitCode, output.ToString(), ms);
        }
    }

    /// <summary>Deletes the temp folder and this version's copies in the global packages folder.</summary>
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

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.Append(line).Append('\n');
        }
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
            // Best effort: a leftover temp folder does not change the figures.
        }
    }
}
