using System.Text;
using Xunit;

namespace PartitionCompiler.TestSupport;

/// <summary>
/// Expected outputs committed beside a test project (plans in <c>tests/Cli.Tests/Plan/Golden/</c>, generated code in
/// <c>tests/Codegen.Tests/Golden/</c>). A check compares the actual text with the file and fails naming the first line
/// that differs; line endings of the committed file do not count, so a checkout that turned them into CRLF still
/// passes. With the environment variable <c>PARTITIONCOMPILER_UPDATE_GOLDEN=1</c> a check rewrites the files instead
/// (and deletes those of a case that its outputs no longer name); review the diff and commit it.
/// </summary>
public sealed class GoldenFiles
{
    public const string UpdateVariable = "PARTITIONCOMPILER_UPDATE_GOLDEN";

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly string _suffix;

    private GoldenFiles(string folder, string suffix)
    {
        Folder = folder;
        _suffix = suffix;
    }

    public static bool Updating => Environment.GetEnvironmentVariable(UpdateVariable) == "1";

    /// <summary>The folder that holds the golden files.</summary>
    public string Folder { get; }

    /// <summary>
    /// The golden files in <paramref name="folder"/> (relative to the repository root, with <c>/</c>), each named after
    /// what it holds plus <paramref name="suffix"/>.
    /// </summary>
    public static GoldenFiles In(string folder, string suffix = "") => new(RepositoryFiles.PathOf(folder), suffix);

    /// <summary>Checks (or, when updating, writes) the golden file of one output.</summary>
    public void Check(string name, string actual)
    {
        string path = PathOf(name);
        if (Updating)
        {
            File.WriteAllText(path, actual, Utf8);
            return;
        }

        Assert.True(File.Exists(path), $"{name} has no golden file; run the tests with {UpdateVariable}=1 to create it, review it and commit it.");
        Compare(name, File.ReadAllText(path, Encoding.UTF8), actual);
    }

    /// <summary>Checks (or, when updating, writes) the UTF-8 bytes of one output.</summary>
    public void Check(string name, byte[] actual) => Check(name, Encoding.UTF8.GetString(actual));

    /// <summary>
    /// Checks (or, when updating, writes) the golden files of one case: every file whose name starts with
    /// <paramref name="prefix"/>. The case's outputs must be exactly the files there; updating deletes the others.
    /// </summary>
    public void CheckAll(string prefix, IReadOnlyList<(string Name, string Text)> outputs)
    {
        var expectedNames = Directory.EnumerateFiles(Folder, prefix + "*" + _suffix)
            .Select(p => Path.GetFileName(p)[..^_suffix.Length])
            .Order(StringComparer.Ordinal)
            .ToList();
        if (Updating)
        {
            foreach (string stale in expectedNames.Where(n => !outputs.Any(o => o.Name == n)))
            {
                File.Delete(PathOf(stale));
            }

            foreach (var (name, text) in outputs)
            {
                File.WriteAllText(PathOf(name), text, Utf8);
            }

            return;
        }

        Assert.Equal(expectedNames, outputs.Select(o => o.Name).Order(StringComparer.Ordinal));
        foreach (var (name, text) in outputs)
        {
            Compare(name, File.ReadAllText(PathOf(name), Encoding.UTF8), text);
        }
    }

    private string PathOf(string name) => Path.Combine(Folder, name + _suffix);

    private static void Compare(string name, string committed, string actual)
    {
        string expected = committed.ReplaceLineEndings("\n");
        if (expected != actual)
        {
            Assert.Fail($"{name} differs from its golden file {FirstDifference(expected, actual)}. "
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

        return "(in line endings only)";
    }
}
