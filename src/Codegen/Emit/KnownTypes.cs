namespace PartitionCompiler.Codegen.Emit;

/// <summary>
/// The fully qualified names generated code uses. Every reference goes through <c>global::</c>, so no sanitised name
/// (a property called <c>System</c>, a device class called <c>Microsoft</c>) can shadow a namespace or type.
/// </summary>
internal static class KnownTypes
{
    public const string NamedTensor = "global::PartitionCompiler.Runtime.Tensors.NamedTensor";
    public const string ElementType = "global::PartitionCompiler.Runtime.Tensors.ElementType";
    public const string StageSession = "global::PartitionCompiler.Runtime.Sessions.StageSession";
    public const string PlanDescriptor = "global::PartitionCompiler.Runtime.Plans.PlanDescriptor";
    public const string StageDescriptor = "global::PartitionCompiler.Runtime.Plans.StageDescriptor";
    public const string StageInputDescriptor = "global::PartitionCompiler.Runtime.Plans.StageInputDescriptor";
    public const string StageOutputDescriptor = "global::PartitionCompiler.Runtime.Plans.StageOutputDescriptor";
    public const string TransferDescriptor = "global::PartitionCompiler.Runtime.Plans.TransferDescriptor";
    public const string HopDescriptor = "global::PartitionCompiler.Runtime.Plans.HopDescriptor";
    public const string TensorDescriptor = "global::PartitionCompiler.Runtime.Plans.TensorDescriptor";
    public const string TensorMessage = "global::PartitionCompiler.Runtime.Transport.TensorMessage";
    public const string TensorSender = "global::PartitionCompiler.Runtime.Transport.ITensorSender";
    public const string TensorReceiver = "global::PartitionCompiler.Runtime.Transport.ITensorReceiver";
    public const string PipelineRunner = "global::PartitionCompiler.Runtime.Pipeline.PipelineRunner";
    public const string DenseTensor = "global::Microsoft.ML.OnnxRuntime.Tensors.DenseTensor";
    public const string SessionOptions = "global::Microsoft.ML.OnnxRuntime.SessionOptions";
    public const string ReadOnlyList = "global::System.Collections.Generic.IReadOnlyList";
    public const string KeyNotFoundException = "global::System.Collections.Generic.KeyNotFoundException";
    public const string InvalidOperationException = "global::System.InvalidOperationException";
    public const string ArgumentNullException = "global::System.ArgumentNullException";
    public const string Lazy = "global::System.Lazy";
    public const string String = "global::System.String";
    public const string CancellationToken = "global::System.Threading.CancellationToken";
    public const string Task = "global::System.Threading.Tasks.Task";
    public const string ValueTask = "global::System.Threading.Tasks.ValueTask";
}
