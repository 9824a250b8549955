namespace PartitionCompiler.Partitioning.Diagnostics;

/// <summary>How bad a diagnostic is. Errors fail the command (exit code 1) and the build; warnings do not.</summary>
public enum DiagnosticSeverity
{
    Warning,
    Error,
}
