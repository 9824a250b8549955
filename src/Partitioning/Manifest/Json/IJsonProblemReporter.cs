namespace PartitionCompiler.Partitioning.Manifest.Json;

/// <summary>
/// Turns the structural problems that <see cref="JsonObjectReader"/> finds into a document kind's own diagnostics
/// (the manifest's PC00xx, the profile's PC02xx).
/// </summary>
internal interface IJsonProblemReporter
{
    /// <summary>The value at <paramref name="path"/> has the wrong JSON type; <paramref name="expected"/> reads "a string", ...</summary>
    void WrongType(LocatedJsonValue value, string path, string expected);

    /// <summary>The object at <paramref name="path"/> lacks the required property <paramref name="name"/>.</summary>
    void MissingProperty(LocatedJsonValue owner, string path, string name);

    /// <summary>An unknown property; <paramref name="advice"/> suggests the nearest valid name or lists them.</summary>
    void UnknownProperty(LocatedJsonProperty property, string path, string advice);

    /// <summary>A property written twice in one object.</summary>
    void DuplicateProperty(LocatedJsonProperty property, string path);

    /// <summary>A number where a whole number within bounds is required.</summary>
    void IntegerOutOfRange(LocatedJsonValue value, string path, long minimum);
}
