using System.Security.Cryptography;

namespace PartitionCompiler.OnnxSplitter.SubModels;

/// <summary>
/// One emitted stage: the sub-model's bytes, where it goes and its SHA-256, plus its external data file when the
/// original kept the stage's weights outside the model file.
/// </summary>
public sealed class StageModelFile
{
    private readonly byte[] _content;

    private string? _sha256;

    internal StageModelFile(int stageIndex, string device, string relativePath, byte[] content, StageDataFile? data,
        int nodeCount, int initializerCount)
    {
        StageIndex = stageIndex;
        Device = device;
        RelativePath = relativePath;
        _content = content;
        Data = data;
        NodeCount = nodeCount;
        InitializerCount = initializerCount;
    }

    /// <summary>The stage's global index (N in <c>&lt;model&gt;.stage&lt;N&gt;.onnx</c>).</summary>
    public int StageIndex { get; }

    public string Device { get; }

    /// <summary>The path relative to the partitions root, with <c>/</c>: <c>&lt;device&gt;/&lt;model&gt;.stage&lt;N&gt;.onnx</c>.</summary>
    public string RelativePath { get; }

    /// <summary>The serialized sub-model (an ONNX <c>ModelProto</c>).</summary>
    public ReadOnlyMemory<byte> Content => _content;

    /// <summary>SHA-256 of <see cref="Content"/>, lowercase hex (the plan's stage <c>sha256</c>); computed on first use, so
    /// that checks which only load the bytes (the proof in memory) do not pay for it.</summary>
    public string Sha256 => _sha256 ??= Convert.ToHexStringLower(SHA256.HashData(_content));

    /// <summary>The stage's external data file, or null when all its weights are inside <see cref="Content"/>.</summary>
    public StageDataFile? Data { get; }

    /// <summary>Nodes of the sub-model's graph (weight producers included).</summary>
    public int NodeCount { get; }

    /// <summary>Initializers of the sub-model's graph (dense and sparse).</summary>
    public int InitializerCount { get; }

    /// <summary>Writes <see cref="Content"/> to <paramref name="destination"/>.</summary>
    public void WriteTo(Stream destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        destination.Write(_content);
    }

    /// <summary>The bytes as an array the caller may keep (ONNX Runtime loads models from arrays).</summary>
    internal byte[] ContentArray => _content;
}
