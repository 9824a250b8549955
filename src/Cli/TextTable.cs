using Spectre.Console;
using Spectre.Console.Rendering;

namespace PartitionCompiler.Cli;

/// <summary>
/// A table of the command output (<c>partc inspect</c>, <c>plan</c>, <c>verify</c>): Spectre's simple border, rendered as
/// text that never wraps a cell, so rows stay one line each in a terminal and in a file alike; colour only in a terminal.
/// </summary>
internal sealed class TextTable
{
    private readonly Table _table = new Table().Border(TableBorder.Simple);
    private readonly List<int> _widths = [];

    /// <summary>Adds a left-aligned (text) column.</summary>
    public TextTable Left(string column) => Column(new TableColumn(column), column);

    /// <summary>Adds a right-aligned (number) column.</summary>
    public TextTable Right(string column) => Column(new TableColumn(column).RightAligned(), column);

    public void Add(params string[] cells)
    {
        for (int i = 0; i < cells.Length; i++)
        {
            _widths[i] = Math.Max(_widths[i], cells[i].Length);
        }

        _table.AddRow(cells.Select(c => (IRenderable)new Text(c)).ToArray());
    }

    /// <summary>The table's text with <c>\n</c> line ends; ANSI styling only when <paramref name="isTerminal"/>.</summary>
    public string Render(bool isTerminal)
    {
        using var rendered = new StringWriter();
        var ansi = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = isTerminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = isTerminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(rendered),
        });

        // Wide enough for every cell and heading, so no cell wraps.
        ansi.Profile.Width = Math.Max(80, _widths.Sum() + (3 * _widths.Count) + 4);
        ansi.Write(_table);
        return rendered.ToString().ReplaceLineEndings("\n");
    }

    /// <summary>Writes the table to stdout.</summary>
    public void Render(CliConsole console) => console.Output.Write(Render(console.IsTerminal));

    /// <summary>Writes the table to stdout without its blank first and last lines and without trailing spaces, for
    /// output that stacks several tables under short headings (<c>partc verify</c>).</summary>
    public void RenderCompact(CliConsole console)
    {
        var lines = Render(console.IsTerminal).Split('\n').Select(l => l.TrimEnd()).ToList();
        int first = lines.FindIndex(l => l.Length > 0);
        int last = lines.FindLastIndex(l => l.Length > 0);
        console.Output.Write(string.Join('\n', lines.Skip(first).Take(last - first + 1)) + "\n");
    }

    private TextTable Column(TableColumn column, string heading)
    {
        _table.AddColumn(column);
        _widths.Add(heading.Length);
        return this;
    }
}
