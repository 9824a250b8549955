using PartitionCompiler.Partitioning.Diagnostics;
using PartitionCompiler.Partitioning.Manifest.Json;

namespace PartitionCompiler.Partitioning.Profiles;

/// <summary>Reports a profile's structural problems: PC0202 errors, PC0207 warnings for unknown properties.</summary>
internal sealed class ProfileProblemReporter(DiagnosticBag diagnostics) : IJsonProblemReporter
{
    public void WrongType(LocatedJsonValue value, string path, string expected) =>
        Invalid(value.Location, path, $"expected {expected}, found {value.KindText}");

    public void MissingProperty(LocatedJsonValue owner, string path, string name) =>
        Invalid(owner.Location, path, $"required property '{name}' is missing");

    public void UnknownProperty(LocatedJsonProperty property, string path, string advice) =>
        diagnostics.Add(DiagnosticCatalog.ProfileUnknownProperty, property.NameLocation, path, property.Name, advice);

    public void DuplicateProperty(LocatedJsonProperty property, string path) =>
        Invalid(property.NameLocation, path, $"property '{property.Name}' appears more than once in this object");

    public void IntegerOutOfRange(LocatedJsonValue value, string path, long minimum) =>
        Invalid(value.Location, path, $"expected a whole number of at least {minimum}, found {value.RawNumber}");

    public void Invalid(SourceLocation location, string path, string problem) =>
        diagnostics.Add(DiagnosticCatalog.ProfileInvalid, location, path, problem);
}
