using PartitionCompiler.OnnxSplitter.Proto;
using PartitionCompiler.Partitioning.Diagnostics;
using PartitionCompiler.Partitioning.Graph;

namespace PartitionCompiler.OnnxSplitter.Reading;

/// <summary>
/// A model read from disk: the pure <see cref="ModelSpec"/> the core works on, plus what the ONNX edge needs to write
/// sub-models and run ONNX Runtime later (the protobuf message and the folder external data is relative to).
/// </summary>
public sealed class OnnxModel
{
    internal OnnxModel(string path, string folder, string sha256, long fileBytes, ModelProto proto, ModelSpec spec)
    {
        Path = path;
        Folder = folder;
        Sha256 = sha256;
        FileBytes = fileBytes;
        Proto = proto;
        Spec = spec;
    }

    /// <summary>The model file's path as the caller gave it (diagnostics name it this way).</summary>
    public string Path { get; }

    /// <summary>The full path of the folder that holds the model file; external data is relative to it.</summary>
    public string Folder { get; }

    /// <summary>SHA-256 of the model file's bytes, lowercase hex.</summary>
    public string Sha256 { get; }

    /// <summary>Size of the model file in bytes (external data not included).</summary>
    public long FileBytes { get; }

    /// <summary>The model as the pure core sees it.</summary>
    public ModelSpec Spec { get; }

    /// <summary>Where diagnostics about this model point.</summary>
    public SourceLocation Location => new(Path);

    /// <summary>The parsed protobuf message (external data stays in its files).</summary>
    internal ModelProto Proto { get; }
}
