using PartitionCompiler.Partitioning.Collections;

namespace PartitionCompiler.Codegen.Spec;

/// <summary>
/// Everything the emitter needs to write the C# of one plan, with every identifier already sanitised and made unique
/// in its scope. Immutable and value-equal: the same plan, manifest and names give an equal spec, and an equal spec
/// gives byte-identical code.
/// </summary>
/// <param name="Namespace">The namespace of the generated code (validated).</param>
/// <param name="ClassName">The plan class (validated).</param>
/// <param name="PlanName">The model file's stem, the <c>PlanDescriptor</c>'s name.</param>
/// <param name="ModelPath">The model path as the plan records it.</param>
/// <param name="ModelSha256">The model's sha256 (lowercase hex).</param>
/// <param name="ManifestSha256">The manifest's sha256 (lowercase hex).</param>
/// <param name="ModelNodes">Positioned nodes of the model.</param>
/// <param name="Strategy">The plan's strategy (<c>ksp</c>, <c>fused</c>).</param>
/// <param name="Objective">The plan's objective (<c>latency</c>, <c>energy</c>, <c>weighted</c>).</param>
/// <param name="PredictedLatencyMs">Predicted response time, to the plan file's 6 significant digits.</param>
/// <param name="PredictedEnergyJ">Predicted energy, to the plan file's 6 significant digits.</param>
/// <param name="Devices">The devices that run a stage, in manifest order.</param>
/// <param name="Stages">The stages, ascending index.</param>
/// <param name="Transfers">The transfers, in plan order, the input and output transfers included.</param>
/// <param name="GraphInputs">The <c>GraphInputs</c> record's properties: the graph inputs, first use first.</param>
/// <param name="GraphOutputs">The <c>GraphOutputs</c> record's properties: the graph outputs, in stage then output order.</param>
/// <param name="SendGraphInputs">The plan's <c>SendGraphInputsAsync</c>, when an input transfer leaves the source.</param>
/// <param name="ReceiveGraphOutputs">The plan's <c>ReceiveGraphOutputsAsync</c>, when an output transfer goes to the sink.</param>
public sealed record CodegenSpec(
    string Namespace,
    string ClassName,
    string PlanName,
    string ModelPath,
    string ModelSha256,
    string ManifestSha256,
    int ModelNodes,
    string Strategy,
    string Objective,
    double PredictedLatencyMs,
    double PredictedEnergyJ,
    EquatableArray<DeviceClassSpec> Devices,
    EquatableArray<StageClassSpec> Stages,
    EquatableArray<TransferSpec> Transfers,
    EquatableArray<TensorSpec> GraphInputs,
    EquatableArray<TensorSpec> GraphOutputs,
    SendSpec? SendGraphInputs,
    GraphOutputsSpec? ReceiveGraphOutputs);
