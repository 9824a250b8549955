using PartitionCompiler.Partitioning.Collections;

namespace PartitionCompiler.Codegen.Spec;

/// <summary>A device's nested static class (<c>DetectorPlan.Glasses</c>) holding its stage classes.</summary>
/// <param name="Name">The device's name in the manifest (untrusted text).</param>
/// <param name="ClassName">The sanitised class name, unique among the plan class's members.</param>
/// <param name="Stages">The indices of the stages that run on the device, ascending.</param>
public sealed record DeviceClassSpec(string Name, string ClassName, EquatableArray<int> Stages);
