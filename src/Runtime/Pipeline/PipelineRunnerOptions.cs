using Microsoft.ML.OnnxRuntime;
using PartitionCompiler.Runtime.Sessions;

namespace PartitionCompiler.Runtime.Pipeline;

/// <summary>How a <see cref="PipelineRunner"/> runs a plan.</summary>
public sealed record PipelineRunnerOptions
{
    /// <summary>The folder the stage files are relative to; default <see cref="StageSession.DefaultStageFolder"/>.</summary>
    public string? StageFolder { get; init; }

    /// <summary>Whether each transfer is delayed to its hops' rate and latency (simulating the manifest's links).</summary>
    public bool Throttle { get; init; }

    /// <summary>Capacity of each in-process link (messages that may wait unread).</summary>
    public int LinkCapacity { get; init; } = 1;

    /// <summary>ONNX Runtime session options for every stage; default options when null. The caller keeps ownership.</summary>
    public SessionOptions? SessionOptions { get; init; }
}
