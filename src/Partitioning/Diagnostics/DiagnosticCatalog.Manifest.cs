namespace PartitionCompiler.Partitioning.Diagnostics;

// PC00xx: see DiagnosticCatalog.cs for the bands. PC0001-PC0049 the device manifest, PC0050-PC0099 command-line
// arguments. Keep codes in order; never reuse a retired code. Every manifest message starts with the JSON path.
public static partial class DiagnosticCatalog
{
    /// <summary>PC0001: <c>the manifest is not valid JSON: {0}...</c></summary>
    public static readonly DiagnosticDescriptor ManifestInvalidJson = new(
        "PC0001", DiagnosticSeverity.Error, "Manifest is not valid JSON",
        "the manifest is not valid JSON: {0}; fix the syntax at this position (comments and trailing commas are allowed)");

    /// <summary>PC0002: <c>{0}: required property '{1}' is missing...</c></summary>
    public static readonly DiagnosticDescriptor ManifestMissingProperty = new(
        "PC0002", DiagnosticSeverity.Error, "Required manifest property missing",
        "{0}: required property '{1}' is missing; add it");

    /// <summary>PC0003: <c>{0}: link '{1}' names device '{2}', which the manifest does not declare...</c></summary>
    public static readonly DiagnosticDescriptor ManifestLinkUnknownDevice = new(
        "PC0003", DiagnosticSeverity.Error, "Link names an unknown device",
        "{0}: link '{1}' names device '{2}', which the manifest does not declare; declare it under 'devices' or use one of: {3}");

    /// <summary>PC0004: <c>{0}: device name '{1}' is already used...</c></summary>
    public static readonly DiagnosticDescriptor ManifestDuplicateDevice = new(
        "PC0004", DiagnosticSeverity.Error, "Duplicate device name",
        "{0}: device name '{1}' is already used by {2}; device names must be unique, ignoring case (they name folders and classes)");

    /// <summary>PC0005: <c>{0}: {1} must be {2}, but is {3}</c></summary>
    public static readonly DiagnosticDescriptor ManifestQuantityOutOfRange = new(
        "PC0005", DiagnosticSeverity.Error, "Quantity out of range",
        "{0}: {1} must be {2}, but is {3}");

    /// <summary>PC0006: <c>{0}: '{1}' is not a unit of {2}...</c></summary>
    public static readonly DiagnosticDescriptor ManifestUnknownUnit = new(
        "PC0006", DiagnosticSeverity.Error, "Unknown unit",
        "{0}: '{1}' is not a unit of {2}{3}; valid units: {4}; a plain number is read in {5}");

    /// <summary>PC0007: <c>{0}: expected {1}, found {2}</c></summary>
    public static readonly DiagnosticDescriptor ManifestWrongType = new(
        "PC0007", DiagnosticSeverity.Error, "Wrong JSON type",
        "{0}: expected {1}, found {2}");

    /// <summary>PC0008: <c>{0}: no path from '{1}' to '{2}' over the manifest's links...</c></summary>
    public static readonly DiagnosticDescriptor ManifestNoRoute = new(
        "PC0008", DiagnosticSeverity.Error, "No path between devices",
        "{0}: no path from '{1}' to '{2}' over the manifest's links; add a link (or a chain of links) from '{1}' to '{2}'");

    /// <summary>PC0009: <c>{0}: model file '{1}' not found...</c></summary>
    public static readonly DiagnosticDescriptor ManifestModelNotFound = new(
        "PC0009", DiagnosticSeverity.Error, "Model file not found",
        "{0}: model file '{1}' not found (looked for '{2}'); the path is relative to the manifest's folder");

    /// <summary>PC0010: <c>{0}: unknown property '{1}' is ignored; {2}</c></summary>
    public static readonly DiagnosticDescriptor ManifestUnknownProperty = new(
        "PC0010", DiagnosticSeverity.Warning, "Unknown manifest property",
        "{0}: unknown property '{1}' is ignored; {2}");

    /// <summary>PC0011: <c>{0}: expected a whole number of at least {1}, found {2}</c></summary>
    public static readonly DiagnosticDescriptor ManifestIntegerOutOfRange = new(
        "PC0011", DiagnosticSeverity.Error, "Whole number out of range",
        "{0}: expected a whole number of at least {1}, found {2}");

    /// <summary>PC0012: <c>{0}: '{1}' is not a declared device...</c></summary>
    public static readonly DiagnosticDescriptor ManifestUnknownDevice = new(
        "PC0012", DiagnosticSeverity.Error, "Unknown device",
        "{0}: '{1}' is not a declared device; use one of: {2}");

    /// <summary>PC0013: <c>{0}: '{1}' is not valid here; use one of: {2}</c></summary>
    public static readonly DiagnosticDescriptor ManifestInvalidChoice = new(
        "PC0013", DiagnosticSeverity.Error, "Invalid choice",
        "{0}: '{1}' is not valid here; use one of: {2}");

    /// <summary>PC0014: <c>{0}: '{1}' is not {2}...</c></summary>
    public static readonly DiagnosticDescriptor ManifestMalformedQuantity = new(
        "PC0014", DiagnosticSeverity.Error, "Malformed quantity",
        "{0}: '{1}' is not {2}; write a number and a unit, e.g. '{3}', or a plain number in {4}");

    /// <summary>PC0015: <c>{0}: property '{1}' appears more than once...</c></summary>
    public static readonly DiagnosticDescriptor ManifestDuplicateProperty = new(
        "PC0015", DiagnosticSeverity.Error, "Duplicate property",
        "{0}: property '{1}' appears more than once in this object; keep one");

    /// <summary>PC0016: <c>{0}: profile file '{1}' not found...</c></summary>
    public static readonly DiagnosticDescriptor ManifestProfileNotFound = new(
        "PC0016", DiagnosticSeverity.Error, "Profile file not found",
        "{0}: profile file '{1}' not found (looked for '{2}'); the path is relative to the manifest's folder; create it with 'partc profile' or remove the property");

    /// <summary>PC0017: <c>{0}: link '{1}' {2}...</c></summary>
    public static readonly DiagnosticDescriptor ManifestLinkRate = new(
        "PC0017", DiagnosticSeverity.Error, "Link rate not given exactly once",
        "{0}: link '{1}' {2}; give exactly one of 'bandwidth' (a data rate) or 'channel' (a Shannon channel)");

    /// <summary>PC0018: <c>{0}: link goes from '{1}' to itself...</c></summary>
    public static readonly DiagnosticDescriptor ManifestSelfLink = new(
        "PC0018", DiagnosticSeverity.Error, "Link to itself",
        "{0}: link goes from '{1}' to itself; a link joins two different devices");

    /// <summary>PC0019: <c>{0}: link '{1}' is declared twice...</c></summary>
    public static readonly DiagnosticDescriptor ManifestDuplicateLink = new(
        "PC0019", DiagnosticSeverity.Error, "Duplicate link",
        "{0}: link '{1}' is declared twice (first at {2}); keep one (a bidirectional link already declares its reverse)");

    /// <summary>PC0020: <c>{0}: device name '{1}' is not valid...</c></summary>
    public static readonly DiagnosticDescriptor ManifestInvalidDeviceName = new(
        "PC0020", DiagnosticSeverity.Error, "Invalid device name",
        "{0}: device name '{1}' is not valid; use 1 to 64 letters, digits, '_' and '-', not starting with '-', and not a reserved file name (CON, NUL, COM1...), since it names a folder and a class");

    /// <summary>PC0021: <c>{0}: the manifest declares no devices...</c></summary>
    public static readonly DiagnosticDescriptor ManifestNoDevices = new(
        "PC0021", DiagnosticSeverity.Error, "No devices",
        "{0}: the manifest declares no devices; list at least one under 'devices'");

    /// <summary>PC0022: <c>{0}: device '{1}' cannot be reached from the source '{2}'...</c></summary>
    public static readonly DiagnosticDescriptor ManifestUnreachableDevice = new(
        "PC0022", DiagnosticSeverity.Warning, "Device unreachable from the source",
        "{0}: device '{1}' cannot be reached from the source '{2}' over the links, so it will never run a stage; add a link to it or remove it");

    /// <summary>PC0023: <c>{0}: strategy 'fused' needs a 'fused' section...</c></summary>
    public static readonly DiagnosticDescriptor ManifestFusedSectionMissing = new(
        "PC0023", DiagnosticSeverity.Error, "Fused section missing",
        "{0}: strategy 'fused' needs a 'fused' section naming 'endDevice' and 'server'");

    /// <summary>PC0024: <c>{0}: 'endDevice' and 'server' are both '{1}'...</c></summary>
    public static readonly DiagnosticDescriptor ManifestFusedSameDevice = new(
        "PC0024", DiagnosticSeverity.Error, "Fused end device and server are the same",
        "{0}: 'endDevice' and 'server' are both '{1}'; fused tiling splits the work between two different devices");

    /// <summary>PC0025: <c>{0}: objective weights must be zero or more...</c></summary>
    public static readonly DiagnosticDescriptor ManifestObjectiveWeights = new(
        "PC0025", DiagnosticSeverity.Error, "Invalid objective weights",
        "{0}: objective weights must be zero or more, and at least one greater than zero; found latency {1}, energy {2}");

    // PC0050-PC0089: the command line of partc (PC0090-PC0099 belong to the MSBuild task).

    /// <summary>PC0050: <c>{0}; run '{1} --help' for usage</c> (the command line does not parse).</summary>
    public static readonly DiagnosticDescriptor InvalidCommandLine = new(
        "PC0050", DiagnosticSeverity.Error, "Invalid command line",
        "{0}; run '{1} --help' for usage");

    /// <summary>PC0051: <c>{0}; run '{1} --help' for usage</c> (an option or argument has a value it cannot take).</summary>
    public static readonly DiagnosticDescriptor InvalidOptionValue = new(
        "PC0051", DiagnosticSeverity.Error, "Invalid option value",
        "{0}; run '{1} --help' for usage");

    /// <summary>PC0052: <c>cannot read the manifest '{0}': {1}...</c></summary>
    public static readonly DiagnosticDescriptor ManifestUnreadable = new(
        "PC0052", DiagnosticSeverity.Error, "Manifest cannot be read",
        "cannot read the manifest '{0}': {1}; check the path (a relative path is relative to the current folder)");

    /// <summary>PC0053: <c>{0}: the manifest names no model and no --model was given...</c></summary>
    public static readonly DiagnosticDescriptor NoModelNamed = new(
        "PC0053", DiagnosticSeverity.Error, "No model named",
        "{0}: the manifest names no model and no --model was given; add \"model\": \"<path relative to the manifest>\" to the manifest or pass --model FILE");
}
