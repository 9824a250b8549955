using PartitionCompiler.Partitioning.Graph;

namespace PartitionCompiler.OnnxSplitter.SubModels;

/// <summary>
/// What one stage's sub-model holds, as indices into the original model: its nodes in execution order, the
/// initializers they read, its inputs and outputs (with the plan's types) and the original value_info it keeps.
/// </summary>
/// <param name="StageIndex">The stage's global index (N in the file name).</param>
/// <param name="Nodes">Node indices of the main graph in execution order: weight producers, then positions in order.</param>
/// <param name="Initializers">Indices into the original graph's dense initializers, in file order.</param>
/// <param name="SparseInitializers">Indices into the original graph's sparse initializers, in file order.</param>
/// <param name="InitializerInputs">Indices into the original graph's inputs that list an included initializer (IR &lt; 4 models must).</param>
/// <param name="ValueInfos">Indices into the original graph's value_info for tensors produced inside the stage.</param>
internal sealed record StageContents(
    int StageIndex,
    string Device,
    string RelativePath,
    IReadOnlyList<int> Nodes,
    IReadOnlyList<StageTensor> Inputs,
    IReadOnlyList<StageTensor> Outputs,
    IReadOnlyList<int> Initializers,
    IReadOnlyList<int> SparseInitializers,
    IReadOnlyList<int> InitializerInputs,
    IReadOnlyList<int> ValueInfos);
