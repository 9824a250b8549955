using PartitionCompiler.Cli.Output;

namespace PartitionCompiler.Cli.Tests.Output;

public sealed class OutputsListTests
{
    [Fact]
    public void Format_sorts_by_path_and_uses_tab_and_newline()
    {
        string root = Path.GetFullPath(Path.GetTempPath());
        string a = Path.Combine(root, "a.g.cs");
        string b = Path.Combine(root, "b", "x.onnx");

        string text = OutputsList.Format([new OutputEntry(OutputKind.Model, b), new OutputEntry(OutputKind.Compile, a)]);

        Assert.Equal($"compile\t{a}\nmodel\t{b}\n", text);
    }

    [Fact]
    public void Read_returns_what_was_written()
    {
        using var temp = new TempFolder();
        OutputEntry[] entries =
        [
            new(OutputKind.Plan, temp.File("p.plan.json")),
            new(OutputKind.Model, temp.File("m", "glasses", "x.stage0.onnx")),
            new(OutputKind.Data, temp.File("m", "glasses", "x.stage0.onnx.data")),
            new(OutputKind.Compile, temp.File("g", "XPlan.g.cs")),
        ];
        File.WriteAllText(temp.File("outputs.txt"), OutputsList.Format(entries));

        IReadOnlyList<OutputEntry> read = OutputsList.Read(temp.File("outputs.txt"));

        Assert.Equal(entries.OrderBy(e => e.Path, StringComparer.Ordinal), read);
    }

    [Fact]
    public void Read_skips_lines_that_are_not_kind_tab_absolute_path()
    {
        using var temp = new TempFolder();
        string good = temp.File("ok.g.cs");
        File.WriteAllText(temp.File("outputs.txt"),
            $"compile\t{good}\r\nnonsense\nweird\t{temp.File("w")}\ncompile\trelative/path.cs\n\tno-kind\n");

        Assert.Equal([new OutputEntry(OutputKind.Compile, good)], OutputsList.Read(temp.File("outputs.txt")));
    }

    [Fact]
    public void A_missing_list_is_empty()
    {
        using var temp = new TempFolder();
        Assert.Empty(OutputsList.Read(temp.File("none.txt")));
    }
}
