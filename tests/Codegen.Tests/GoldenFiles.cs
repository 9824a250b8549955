using PartitionCompiler.Codegen.Emit;

namespace PartitionCompiler.Codegen.Tests;

/// <summary>
/// Compares generated files with the baselines in <c>tests/Codegen.Tests/Golden/&lt;hint name&gt;.txt</c>. With the
/// environment variable <c>PARTITIONCOMPILER_UPDATE_GOLDEN=1</c> it rewrites the baselines instead and deletes those
/// no file produced any more; review the diff and commit it.
/// </summary>
internal static class GoldenFiles
{
    public const string UpdateVariable = "PARTITIONCOMPILER_UPDATE_GOLDEN";
    private const string Suffix = ".txt";

    public static bool Updating => Environment.GetEnvironmentVariable(UpdateVariable) == "1";

    /// <summary>Checks (or, when updating, writes) the baselines of one case: every file whose name starts with <paramref name="prefix"/>.</summary>
    public static void Check(string prefix, IReadOnlyList<GeneratedFile> files)
    {
        string folder = Folder();
        var expectedNames = Directory.EnumerateFiles(folder, prefix + "*" + Suffix)
            .Select(p => Path.GetFileName(p)[..^Suffix.Length])
            .Order(StringComparer.Ordinal)
            .ToList();
        if (Updating)
        {
            foreach (string stale in expectedNames.Where(n => !files.Any(f => f.HintName == n)))
            {
                File.Delete(Path.Combine(folder, stale + Suffix));
            }

            foreach (GeneratedFile file in files)
            {
                File.WriteAllText(Path.Combine(folder, file.HintName + Suffix), file.Text);
            }

            return;
        }

        Assert.Equal(expectedNames, files.Select(f => f.HintName).Order(StringComparer.Ordinal));
        foreach (GeneratedFile file in files)
        {
            string expected = File.ReadAllText(Path.Combine(folder, file.HintName + Suffix));
            if (expected != file.Text)
            {
                Assert.Fail($"{file.HintName} differs from its baseline {FirstDifference(expected, file.Text)}. "
                    + $"If the change is intended, run the tests with {UpdateVariable}=1 and review the diff.");
            }
        }
    }

    private static string FirstDifference(string expected, string actual)
    {
        string[] a = expected.Split('\n');
        string[] b = actual.Split('\n');
        for (int i = 0; i < Math.Max(a.Length, b.Length); i++)
        {
            string left = i < a.Length ? a[i] : "<end of file>";
            string right = i < b.Length ? b[i] : "<end of file>";
            if (left != right)
            {
                return $"at line {i + 1}:\n  expected: {left}\n  actual:   {right}";
            }
        }

        return "(in line endings only)";
    }

    private static string Folder()
    {
        // The test runs from bin/<configuration>/<framework>/; the baselines live beside the project file.
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PartitionCompiler.Codegen.Tests.csproj")))
            {
                return Path.Combine(dir.FullName, "Golden");
            }
        }

        throw new DirectoryNotFoundException("The Codegen.Tests project folder was not found above " + AppContext.BaseDirectory);
    }
}
