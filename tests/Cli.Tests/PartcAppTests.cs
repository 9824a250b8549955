using System.CommandLine;

namespace PartitionCompiler.Cli.Tests;

/// <summary>What every <c>partc</c> run guarantees: help, usage errors, exit codes 0/1, PC9999 for internal failures.</summary>
public sealed class PartcAppTests
{
    [Fact]
    public void Help_lists_the_commands_and_exits_0()
    {
        var result = Partc.Run("--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("inspect", result.Stdout);
    }

    [Fact]
    public void Inspect_help_lists_its_options()
    {
        var result = Partc.Run("inspect", "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("--json", result.Stdout);
        Assert.Contains("--input", result.Stdout);
        Assert.Contains("--all", result.Stdout);
        Assert.Contains("MODEL", result.Stdout);
    }

    [Theory]
    [InlineData("")]
    [InlineData("inspect")]
    [InlineData("inspect m.onnx --bogus")]
    [InlineData("frobnicate")]
    public void Usage_errors_exit_1_with_canonical_lines_and_no_output(string commandLine)
    {
        var result = Partc.Run(commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries));

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.NotEmpty(result.StderrLines);
        Assert.All(result.StderrLines, line => Assert.Matches(@"^partc: error PC005[01]: .*; run 'partc( inspect)? --help' for usage$", line));
    }

    [Fact]
    public void Unexpected_exception_is_one_PC9999_line_with_a_crash_log()
    {
        static Command Exploding(CliConsole console)
        {
            var command = new Command("explode", "throws");
            command.SetAction(int (_) => throw new InvalidOperationException("kaboom\nsecond line"));
            return command;
        }

        var result = Partc.RunWith([Exploding], "explode");

        Assert.Equal(1, result.ExitCode);
        string line = Assert.Single(result.StderrLines);
        Assert.StartsWith("partc: error PC9999: internal error: InvalidOperationException: kaboom second line. ", line);
        string log = line.Split('\'')[1];
        Assert.True(File.Exists(log), log);
        string text = File.ReadAllText(log);
        File.Delete(log);
        Assert.Contains("kaboom", text);
        Assert.Contains("   at ", text);
        Assert.Contains("partc explode", text);
    }

    [Fact]
    public void Command_result_other_than_0_or_1_becomes_1()
    {
        static Command Odd(CliConsole console)
        {
            var command = new Command("odd", "returns 7");
            command.SetAction(_ => 7);
            return command;
        }

        Assert.Equal(1, Partc.RunWith([Odd], "odd").ExitCode);
    }
}
