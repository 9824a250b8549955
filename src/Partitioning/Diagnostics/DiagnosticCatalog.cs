using System.Reflection;

namespace PartitionCompiler.Partitioning.Diagnostics;

/// <summary>
/// The one catalogue of diagnostics. It is split by band into partial files:
/// PC00xx manifest and command line (<c>DiagnosticCatalog.Manifest.cs</c>), PC01xx model, graph and dims
/// (<c>.Model.cs</c>), PC02xx costs and profiles (<c>.Costs.cs</c>), PC03xx solver (<c>.Solver.cs</c>),
/// PC04xx emission and verification (<c>.Emit.cs</c>), PC05xx plan lock (<c>.Lock.cs</c>), PC9999 internal.
/// Must be kept in sync with <c>docs/diagnostics.md</c>; a test checks it.
/// </summary>
public static partial class DiagnosticCatalog
{
    /// <summary>PC9999: an internal failure of the compiler; details go to a crash log, never a stack trace on the console.</summary>
    public static readonly DiagnosticDescriptor InternalError = new(
        "PC9999", DiagnosticSeverity.Error, "Internal error",
        "internal error: {0}. This is a bug in PartitionCompiler; details were written to '{1}'. Please report it with that file.");

    private static readonly Lazy<IReadOnlyList<DiagnosticDescriptor>> AllDescriptors = new(() =>
        typeof(DiagnosticCatalog)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
            .OrderBy(d => d.Code, StringComparer.Ordinal)
            .ToList());

    /// <summary>Every descriptor, ordered by code.</summary>
    public static IReadOnlyList<DiagnosticDescriptor> All => AllDescriptors.Value;
}
