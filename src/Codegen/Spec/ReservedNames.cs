using System.Globalization;

namespace PartitionCompiler.Codegen.Spec;

/// <summary>
/// The identifiers generated code declares itself in each scope, which sanitised names must not take: the fixed
/// members, the enclosing type's own name (a member may not share it) and the members every class or record inherits
/// or synthesises (a nested type or property named <c>Equals</c> would hide them and warn).
/// </summary>
internal static class ReservedNames
{
    private static readonly string[] ObjectMembers =
        ["Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "ReferenceEquals", "Finalize"];

    private static readonly string[] RecordMembers =
        ["EqualityContract", "PrintMembers", "Deconstruct", "Descriptors", "ToNamedTensors", "FromNamedTensors"];

    /// <summary>The plan class's members: its facts, descriptor, helpers and own name.</summary>
    public static readonly string[] PlanMembers =
    [
        "ModelPath", "ModelSha256", "ManifestSha256", "ModelNodes", "Strategy", "Objective", "StageCount",
        "PredictedLatencyMs", "PredictedEnergyJ", "Devices", "Descriptor", "StageFolder", "FindTensor", "CheckMessage",
    ];

    /// <summary>The device class's own member.</summary>
    public const string DeviceNameMember = "Name";

    /// <summary>Names a device class may not take in the plan class.</summary>
    /// <param name="className">The plan class.</param>
    /// <param name="stageCount">The plan's stage count (the device class holds <c>Stage&lt;N&gt;</c> classes).</param>
    /// <returns>The reserved names.</returns>
    public static IEnumerable<string> ForDeviceClasses(string className, int stageCount) =>
        PlanMembers.Concat(ObjectMembers).Append(className).Append(DeviceNameMember)
            .Concat(Enumerable.Range(0, stageCount).Select(StageClass));

    /// <summary>Names a tensor property may not take in the <c>Inputs</c> or <c>Outputs</c> record.</summary>
    /// <param name="recordName"><c>Inputs</c> or <c>Outputs</c>.</param>
    /// <returns>The reserved names.</returns>
    public static IEnumerable<string> ForRecord(string recordName) => ObjectMembers.Concat(RecordMembers).Append(recordName);

    /// <summary>Names a tensor parameter of <c>ReceiveAsync</c> may not take.</summary>
    /// <param name="sendingStages">The stages whose transfers arrive.</param>
    /// <returns>The reserved names.</returns>
    public static IEnumerable<string> ForReceiveParameters(IEnumerable<int> sendingStages) =>
        sendingStages.SelectMany(s => new[] { SourceParameter(s), SourceLocal(s) }).Append("cancellationToken");

    /// <summary>The class of stage <paramref name="index"/>: <c>Stage0</c>.</summary>
    /// <param name="index">The stage index.</param>
    /// <returns>The class name.</returns>
    public static string StageClass(int index) => "Stage" + index.ToString(CultureInfo.InvariantCulture);

    /// <summary>The send method to stage <paramref name="index"/>: <c>SendToStage1Async</c>.</summary>
    /// <param name="index">The receiving stage.</param>
    /// <returns>The method name.</returns>
    public static string SendMethod(int index) => "SendToStage" + index.ToString(CultureInfo.InvariantCulture) + "Async";

    /// <summary>The receiver parameter for the transfer from stage <paramref name="index"/>: <c>fromStage0</c>.</summary>
    /// <param name="index">The sending stage.</param>
    /// <returns>The parameter name.</returns>
    public static string SourceParameter(int index) => "fromStage" + index.ToString(CultureInfo.InvariantCulture);

    /// <summary>The local holding the message from stage <paramref name="index"/>: <c>message0</c>.</summary>
    /// <param name="index">The sending stage.</param>
    /// <returns>The local's name.</returns>
    public static string SourceLocal(int index) => "message" + index.ToString(CultureInfo.InvariantCulture);
}
