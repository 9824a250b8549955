using System.Security.Cryptography;
using PartitionCompiler.Partitioning.Plan;
using PartitionCompiler.TestSupport;

namespace PartitionCompiler.Cli.Tests.Plan;

/// <summary>A temporary project folder for <c>partc plan</c> runs: manifests, models, and the files a run writes.</summary>
internal sealed class PlanWorkspace : IDisposable
{
    private readonly TempFolder _folder = new();

    public string Root => _folder.Path;

    public void Dispose() => _folder.Dispose();

    /// <summary>A path inside the workspace (nothing is created).</summary>
    public string File(string relative) => Path.Combine(Root, relative);

    public string Write(string relative, string text)
    {
        string path = _folder.File(relative);
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    public string WriteModel(string relative, OnnxModelBuilder builder) => builder.WriteTo(_folder.File(relative));

    /// <summary>Copies a public corpus model into the workspace (skips the test when the corpus is absent).</summary>
    public string CopyCorpusModel(string file, string relative)
    {
        string path = _folder.File(relative);
        System.IO.File.Copy(Corpus.RequireModel(file), path, overwrite: true);
        return path;
    }

    /// <summary>Runs <c>partc plan</c> with <paramref name="args"/> from the workspace's folder.</summary>
    public static CliResult Plan(params string[] args) => Partc.Run(["plan", .. args]);

    /// <summary>Reads a plan file and asserts it is valid.</summary>
    public static PartitionPlan ReadPlan(string path)
    {
        var read = PlanJsonReader.Read(System.IO.File.ReadAllBytes(path), path);
        Assert.Empty(read.Diagnostics);
        return read.Plan!;
    }

    /// <summary>Every file under the workspace, relative (with <c>/</c>) -> its bytes' sha256.</summary>
    public SortedDictionary<string, string> Snapshot(string? under = null)
    {
        string root = under is null ? Root : File(under);
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (string path in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
        {
            files[Path.GetRelativePath(root, path).Replace('\\', '/')] = Sha256(path);
        }

        return files;
    }

    public static string Sha256(string path) => Convert.ToHexStringLower(SHA256.HashData(System.IO.File.ReadAllBytes(path)));
}
