namespace PartitionCompiler.EndToEnd.Tests.Build;

/// <summary>
/// A project without the .NET SDK that imports only the package's build/PartitionCompiler.props and .targets (from the
/// packed package, unzipped) and runs the public target <c>PartitionCompiler_Partition</c>: a one-second way to check
/// what the targets and the task do with item metadata and properties.
/// </summary>
internal sealed class LightProject
{
    public LightProject(PackedFeed feed, string name, string items, string properties = "")
    {
        Folder = Path.Combine(feed.Root, "light", name);
        Directory.CreateDirectory(Folder);
        string build = Path.Combine(feed.Extracted, "build");
        File.WriteAllText(ProjectFile, $"""
            <Project>
              <Import Project="{build}/PartitionCompiler.props" />
              <PropertyGroup>
                <IntermediateOutputPath>obj/</IntermediateOutputPath>
                <RootNamespace>Light.App</RootNamespace>
                <Language>C#</Language>
                {properties}
              </PropertyGroup>
              <ItemGroup>
                {items}
              </ItemGroup>
              <Import Project="{build}/PartitionCompiler.targets" />
            </Project>

            """);
    }

    public string Folder { get; }

    public string ProjectFile => Path.Combine(Folder, "light.proj");

    /// <summary>Writes a file under the project folder (creating folders) and returns its full path.</summary>
    public string Write(string relativePath, string content)
    {
        string path = Path.Combine(Folder, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    public DotnetResult Partition(params string[] extra) =>
        Dotnet.Run(Folder, ["msbuild", ProjectFile, "-t:PartitionCompiler_Partition", "-v:n", "-tl:off", "-nodeReuse:false",
            $"-p:PartitionCompilerCliPath={BuildPaths.FakeCli}", .. extra]);

    /// <summary>The value after <paramref name="option"/> in the CLI command line the task logged.</summary>
    public static string Option(DotnetResult result, string option)
    {
        string line = result.Output.Split('\n').Single(l => l.Contains(" exec ", StringComparison.Ordinal) && l.Contains(" plan ", StringComparison.Ordinal));
        string[] words = line.Trim().Split(' ');
        int at = Array.IndexOf(words, option);
        Assert.True(at >= 0 && at + 1 < words.Length, $"no {option} in: {line}");
        return words[at + 1];
    }
}
