namespace PartitionCompiler.Partitioning.Diagnostics;

/// <summary>
/// A problem found in the user's input (or, for <c>PC9999</c>, in the compiler). Stages return these; they never
/// throw for bad input.
/// </summary>
public sealed record Diagnostic(string Code, DiagnosticSeverity Severity, string Message, SourceLocation? Location)
{
    public bool IsError => Severity == DiagnosticSeverity.Error;

    /// <summary>
    /// The one-line form that MSBuild and IDEs parse:
    /// <c>path(line,col): error PC0001: message</c>, without <c>(line,col)</c> where there is none,
    /// and without a path where there is no file at all.
    /// </summary>
    public string ToCanonicalString()
    {
        string severity = Severity == DiagnosticSeverity.Error ? "error" : "warning";
        string prefix = Location is null ? "partc" : Location.ToString();
        return $"{prefix}: {severity} {Code}: {Message}";
    }

    public override string ToString() => ToCanonicalString();
}
