using PartitionCompiler.Partitioning.Diagnostics;

namespace PartitionCompiler.Cli;

/// <summary>Prints diagnostics on stderr, one canonical line each (<c>path(line,col): error PCxxxx: message</c>), in report order.</summary>
internal static class DiagnosticPrinter
{
    public static void Print(CliConsole console, IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            console.Error.Write(diagnostic.ToCanonicalString());
            console.Error.Write('\n');
        }
    }
}
