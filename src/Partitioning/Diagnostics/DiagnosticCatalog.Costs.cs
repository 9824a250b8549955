namespace PartitionCompiler.Partitioning.Diagnostics;

// PC02xx: see DiagnosticCatalog.cs for the bands. PC0200-PC0229 device profiles, PC0230 on cost estimates. Keep codes
// in order; never reuse a retired code. Profile messages start with the JSON path inside the profile file.
public static partial class DiagnosticCatalog
{
    /// <summary>PC0201: <c>the profile is not valid JSON: {0}...</c></summary>
    public static readonly DiagnosticDescriptor ProfileInvalidJson = new(
        "PC0201", DiagnosticSeverity.Error, "Profile is not valid JSON",
        "the profile is not valid JSON: {0}; fix the syntax at this position or measure again with 'partc profile'");

    /// <summary>PC0202: <c>{0}: {1}; fix the profile...</c></summary>
    public static readonly DiagnosticDescriptor ProfileInvalid = new(
        "PC0202", DiagnosticSeverity.Error, "Invalid profile content",
        "{0}: {1}; fix the profile or measure again with 'partc profile'");

    /// <summary>PC0203: <c>{0}: formatVersion {1} is not supported...</c></summary>
    public static readonly DiagnosticDescriptor ProfileUnsupportedVersion = new(
        "PC0203", DiagnosticSeverity.Error, "Unsupported profile format version",
        "{0}: formatVersion {1} is not supported (this version reads {2}); measure again with 'partc profile'");

    /// <summary>PC0204: <c>{0}: the profile was measured on a model with sha256 {1}...</c></summary>
    public static readonly DiagnosticDescriptor ProfileOtherModel = new(
        "PC0204", DiagnosticSeverity.Warning, "Profile of another model",
        "{0}: the profile was measured on a model with sha256 {1}, but this model's is {2}; the profile is ignored and device '{3}' uses its compute rate; measure again with 'partc profile'");

    /// <summary>PC0205: <c>{0}: the model has no node '{1}'...</c></summary>
    public static readonly DiagnosticDescriptor ProfileUnknownNode = new(
        "PC0205", DiagnosticSeverity.Warning, "Profile names a node the model lacks",
        "{0}: the model has no node '{1}'; the entry is ignored (nodes are keyed by name, or '@' and the first output's name when the name is empty or repeated)");

    /// <summary>PC0206: <c>{0}: the profile was measured for device '{1}'...</c></summary>
    public static readonly DiagnosticDescriptor ProfileDeviceMismatch = new(
        "PC0206", DiagnosticSeverity.Warning, "Profile of another device",
        "{0}: the profile was measured for device '{1}', but manifest device '{2}' names it; it is used for '{2}' (rename one of them if that is intended)");

    /// <summary>PC0207: <c>{0}: unknown property '{1}' is ignored; {2}</c></summary>
    public static readonly DiagnosticDescriptor ProfileUnknownProperty = new(
        "PC0207", DiagnosticSeverity.Warning, "Unknown profile property",
        "{0}: unknown property '{1}' is ignored; {2}");
}
