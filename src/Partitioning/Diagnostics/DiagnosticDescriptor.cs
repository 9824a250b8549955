using System.Globalization;

namespace PartitionCompiler.Partitioning.Diagnostics;

/// <summary>
/// One entry of the diagnostic catalogue: a stable code (<c>PC0001</c>...), its severity, a short title and the
/// message format (composite format, invariant culture). Every descriptor has a section in <c>docs/diagnostics.md</c>.
/// </summary>
public sealed record DiagnosticDescriptor(string Code, DiagnosticSeverity Severity, string Title, string MessageFormat)
{
    /// <summary>Creates a diagnostic of this kind, formatting <paramref name="args"/> with the invariant culture.</summary>
    public Diagnostic Create(SourceLocation? location, params object?[] args) =>
        new(Code, Severity, args.Length == 0 ? MessageFormat : string.Format(CultureInfo.InvariantCulture, MessageFormat, args), location);
}
