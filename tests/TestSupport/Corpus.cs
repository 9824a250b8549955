using Xunit;

namespace PartitionCompiler.TestSupport;

/// <summary>
/// Finds the public model corpus: the folder named by <c>PARTITIONCOMPILER_CORPUS</c>, else
/// <c>&lt;folder holding PartitionCompiler.sln&gt;/../shared/models</c>. Tests that need it call <see cref="Require"/>,
/// which skips them with one message naming the path when it is absent, or fails them when
/// <c>PARTITIONCOMPILER_REQUIRE_CORPUS=1</c> (as CI sets).
/// </summary>
public static class Corpus
{
    public const string FolderVariable = "PARTITIONCOMPILER_CORPUS";

    public const string RequireVariable = "PARTITIONCOMPILER_REQUIRE_CORPUS";

    /// <summary>The structure-only models the corpus holds (see its README), sorted by file name.</summary>
    public static IReadOnlyList<string> ModelFiles { get; } =
    [
        "light_bvlc_alexnet.onnx",
        "light_densenet121.onnx",
        "light_inception_v1.onnx",
        "light_inception_v2.onnx",
        "light_resnet50.onnx",
        "light_shufflenet.onnx",
        "light_squeezenet.onnx",
        "light_vgg19.onnx",
        "light_zfnet512.onnx",
    ];

    /// <summary>The corpus model names as theory data.</summary>
    public static TheoryData<string> Models
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (string file in ModelFiles)
            {
                data.Add(file);
            }

            return data;
        }
    }

    /// <summary>Where the corpus is expected (it may not exist).</summary>
    public static string ExpectedFolder
    {
        get
        {
            string? named = Environment.GetEnvironmentVariable(FolderVariable);
            if (!string.IsNullOrEmpty(named))
            {
                return Path.GetFullPath(named);
            }

            string above = RepositoryFiles.FindRoot(AppContext.BaseDirectory) ?? AppContext.BaseDirectory;
            return Path.GetFullPath(Path.Combine(above, "..", "shared", "models"));
        }
    }

    /// <summary>The corpus folder, or null when it is absent.</summary>
    public static string? Locate()
    {
        string folder = ExpectedFolder;
        return Directory.Exists(folder) ? folder : null;
    }

    /// <summary>The corpus folder; skips the test when it is absent, or fails it when the corpus is required.</summary>
    public static string Require()
    {
        if (Locate() is { } folder)
        {
            return folder;
        }

        string message = $"The public model corpus was not found at '{ExpectedFolder}' (set {FolderVariable} to its folder).";
        if (Environment.GetEnvironmentVariable(RequireVariable) == "1")
        {
            Assert.Fail(message + $" {RequireVariable}=1 requires it.");
        }

        Assert.Skip(message);
        return "";
    }

    /// <summary>The full path of one corpus model (skips or fails like <see cref="Require"/>).</summary>
    public static string RequireModel(string fileName)
    {
        string path = Path.Combine(Require(), fileName);
        Assert.True(File.Exists(path), $"The corpus at '{Path.GetDirectoryName(path)}' lacks '{fileName}'.");
        return path;
    }
}
