using System.Globalization;

namespace PartitionCompiler.Codegen.Spec;

/// <summary>
/// The identifiers generated code declares itself in each scope, which sanitised names must not take: the fixed
/// members, the enclosing type's own name (a member may not share it) and the members every class or record inherits
/// or synthesises (a nested type or property named <c>Equals</c> would hide them and warn). Glue parameters and locals
/// are all fixed names (<c>receiver</c>, <c>message</c>, <c>stage0Outputs</c>...), so no sanitised name meets them.
/// </summary>
internal static class ReservedNames
{
    /// <summary>The plan's graph inputs record.</summary>
    public const string GraphInputsRecord = "GraphInputs";

    /// <summary>The plan's graph outputs record.</summary>
    public const string GraphOutputsRecord = "GraphOutputs";

    private static readonly string[] ObjectMembers =
        ["Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "ReferenceEquals", "Finalize"];

    private static readonly string[] RecordMembers =
        ["EqualityContract", "PrintMembers", "Deconstruct", "Descriptors", "ToNamedTensors", "FromNamedTensors"];

    /// <summary>The plan class's members: its facts, descriptor, records, glue, helpers and own name.</summary>
    public static readonly string[] PlanMembers =
    [
        "ModelPath", "ModelSha256", "ManifestSha256", "ModelNodes", "Strategy", "Objective", "StageCount",
        "PredictedLatencyMs", "PredictedEnergyJ", "Devices", "Descriptor", "StageFolder", "FindTensor", "CheckMessage",
        GraphInputsRecord, GraphOutputsRecord, "SendGraphInputsAsync", "ReceiveGraphOutputsAsync",
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

    /// <summary>Names a tensor property may not take in a tensor record (<c>Inputs</c>, <c>Outputs</c>,
    /// <c>GraphInputs</c>, <c>GraphOutputs</c>).</summary>
    /// <param name="recordName">The record's name.</param>
    /// <returns>The reserved names.</returns>
    public static IEnumerable<string> ForRecord(string recordName) => ObjectMembers.Concat(RecordMembers).Append(recordName);

    /// <summary>The class of stage <paramref name="index"/>: <c>Stage0</c>.</summary>
    /// <param name="index">The stage index.</param>
    /// <returns>The class name.</returns>
    public static string StageClass(int index) => "Stage" + index.ToString(CultureInfo.InvariantCulture);

    /// <summary>The glue parameter handing over something a device kept: <c>graphInputs</c>, <c>stage0Arrival</c>,
    /// <c>stage0Outputs</c>.</summary>
    /// <param name="kind">What it hands over.</param>
    /// <param name="stage">The stage whose arrival or outputs it is.</param>
    /// <returns>The parameter name.</returns>
    public static string HolderParameter(HolderKind kind, int stage) => kind switch
    {
        HolderKind.GraphInputs => "graphInputs",
        HolderKind.Arrival => StageParameter(stage) + "Arrival",
        _ => StageParameter(stage) + "Outputs",
    };

    private static string StageParameter(int stage) => "stage" + stage.ToString(CultureInfo.InvariantCulture);
}
