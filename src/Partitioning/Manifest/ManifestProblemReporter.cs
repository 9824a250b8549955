using PartitionCompiler.Partitioning.Diagnostics;
using PartitionCompiler.Partitioning.Manifest.Json;

namespace PartitionCompiler.Partitioning.Manifest;

/// <summary>Reports the manifest's structural problems as PC00xx diagnostics.</summary>
internal sealed class ManifestProblemReporter(DiagnosticBag diagnostics) : IJsonProblemReporter
{
    public void WrongType(LocatedJsonValue value, string path, string expected) =>
        diagnostics.Add(DiagnosticCatalog.ManifestWrongType, value.Location, path, expected, value.KindText);

    public void MissingProperty(LocatedJsonValue owner, string path, string name) =>
        diagnostics.Add(DiagnosticCatalog.ManifestMissingProperty, owner.Location, path, name);

    public void UnknownProperty(LocatedJsonProperty property, string path, string advice) =>
        diagnostics.Add(DiagnosticCatalog.ManifestUnknownProperty, property.NameLocation, path, property.Name, advice);

    public void DuplicateProperty(LocatedJsonProperty property, string path) =>
        diagnostics.Add(DiagnosticCatalog.ManifestDuplicateProperty, property.NameLocation, path, property.Name);

    public void IntegerOutOfRange(LocatedJsonValue value, string path, long minimum) =>
        diagnostics.Add(DiagnosticCatalog.ManifestIntegerOutOfRange, value.Location, path, minimum, value.RawNumber);
}
