namespace PartitionCompiler.Partitioning.Diagnostics;

// PC02xx: see DiagnosticCatalog.cs for the bands. Keep codes in order; never reuse a retired code.
public static partial class DiagnosticCatalog
{
}
