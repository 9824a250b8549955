using System.Text;

namespace PartitionCompiler.Cli.Tests.Plan;

/// <summary>
/// Compares plans with the golden files in <c>tests/Cli.Tests/Plan/Golden/</c>. With the environment variable
/// <c>PARTITIONCOMPILER_UPDATE_GOLDEN=1</c> it rewrites them instead; review the diff and commit it.
/// </summary>
internal static class PlanGoldenFiles
{
    public const string UpdateVariable = "PARTITIONCOMPILER_UPDATE_GOLDEN";

    public static bool Updating => Environment.GetEnvironmentVariable(UpdateVariable) == "1";

    /// <summary>Checks (or, when updating, writes) <c>Golden/<paramref name="name"/></c>. Line endings do not count, so
    /// a checkout that turned them into CRLF still passes.</summary>
    public static void Check(string name, byte[] actual)
    {
        string path = Path.Combine(Folder(), name);
        if (Updating)
        {
            File.WriteAllBytes(path, actual);
            return;
        }

        Assert.True(File.Exists(path), $"{name} has no golden file; run the tests with {UpdateVariable}=1 to create it, review it and commit it.");
        string expected = File.ReadAllText(path, Encoding.UTF8).ReplaceLineEndings("\n");
        string text = Encoding.UTF8.GetString(actual);
        if (expected != text)
        {
            Assert.Fail($"{name} differs from its golden file {FirstDifference(expected, text)}. "
                + $"If the change is intended, run the tests with {UpdateVariable}=1 and review the diff.");
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

        return "(nowhere: the texts are equal)";
    }

    private static string Folder()
    {
        // The test runs from bin/<configuration>/<framework>/; the golden files live beside the project file.
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PartitionCompiler.Cli.Tests.csproj")))
            {
                return Path.Combine(dir.FullName, "Plan", "Golden");
            }
        }

        throw new DirectoryNotFoundException("The Cli.Tests project folder was not found above " + AppContext.BaseDirectory);
    }
}
