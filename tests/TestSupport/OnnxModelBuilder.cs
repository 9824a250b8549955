using System.Globalization;
using Google.Protobuf;
using PartitionCompiler.OnnxSplitter.Proto;

namespace PartitionCompiler.TestSupport;

/// <summary>
/// Builds ONNX models for tests with seeded random weights: never hand-written bytes. The graph methods come from
/// <see cref="OnnxGraphBuilderBase{TSelf}"/>; this class adds the model's IR version, opsets, producer, how tensors are
/// stored (raw data or typed fields, initializers listed as inputs as IR &lt; 4 did, external data) and the output
/// (a <c>ModelProto</c>, bytes, or a file with its data file).
/// </summary>
public sealed class OnnxModelBuilder : OnnxGraphBuilderBase<OnnxModelBuilder>
{
    private readonly List<(string Domain, long Version)> _opsets = [];
    private long _irVersion = 8;
    private string _producer = "partitioncompiler-tests";
    private bool _typedFields;
    private bool _initializersAsInputs;
    private string? _externalDataFile;
    private long _externalThreshold;
    private bool _external;

    public OnnxModelBuilder(int seed = 1)
        : base(seed)
    {
    }

    public OnnxModelBuilder IrVersion(long version)
    {
        _irVersion = version;
        return this;
    }

    /// <summary>Imports an operator set (default domain unless given; a second call for a domain replaces the first).
    /// The default domain is imported at opset 13 unless a call names it.</summary>
    public OnnxModelBuilder Opset(long version, string domain = "")
    {
        _opsets.RemoveAll(o => o.Domain == domain);
        _opsets.Add((domain, version));
        return this;
    }

    public OnnxModelBuilder Producer(string name)
    {
        _producer = name;
        return this;
    }

    /// <summary>Stores initializer values in the typed repeated fields (<c>float_data</c>, <c>int64_data</c>) instead of <c>raw_data</c>.</summary>
    public OnnxModelBuilder TypedFields()
    {
        _typedFields = true;
        return this;
    }

    /// <summary>Lists every initializer among the graph inputs too, as IR &lt; 4 models must.</summary>
    public OnnxModelBuilder InitializersAsInputs()
    {
        _initializersAsInputs = true;
        return this;
    }

    /// <summary>
    /// Stores initializers of at least <paramref name="thresholdBytes"/> bytes in an external data file beside the model
    /// (<paramref name="fileName"/>, default: the model file's name + <c>.data</c>). Only <see cref="WriteTo"/> can write it.
    /// </summary>
    public OnnxModelBuilder ExternalData(string? fileName = null, long thresholdBytes = 0)
    {
        _external = true;
        _externalDataFile = fileName;
        _externalThreshold = thresholdBytes;
        return this;
    }

    /// <summary>The model message (initializers inline; <see cref="WriteTo"/> moves them to external data when asked).</summary>
    internal ModelProto Build()
    {
        var model = new ModelProto
        {
            IrVersion = _irVersion,
            ProducerName = _producer,
            Graph = BuildGraph(_typedFields, _initializersAsInputs),
        };
        var opsets = _opsets.Exists(o => o.Domain.Length == 0) ? _opsets : [("", 13), .. _opsets];
        foreach (var (domain, version) in opsets)
        {
            model.OpsetImport.Add(new OperatorSetIdProto { Domain = domain, Version = version });
        }

        return model;
    }

    /// <summary>The serialized model; models with external data must use <see cref="WriteTo"/>.</summary>
    public byte[] ToBytes()
    {
        if (_external)
        {
            throw new InvalidOperationException("A model with external data needs a folder: use WriteTo.");
        }

        return Build().ToByteArray();
    }

    /// <summary>Writes the model (and its external data file, if any) and returns <paramref name="path"/>.</summary>
    public string WriteTo(string path)
    {
        var model = Build();
        if (_external)
        {
            string dataName = _externalDataFile ?? Path.GetFileName(path) + ".data";
            string dataPath = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, dataName);
            Directory.CreateDirectory(Path.GetDirectoryName(dataPath)!);
            using var data = new FileStream(dataPath, FileMode.Create, FileAccess.Write);
            foreach (var tensor in model.Graph.Initializer)
            {
                MoveToExternal(tensor, data, dataName);
            }
        }

        File.WriteAllBytes(path, model.ToByteArray());
        return path;
    }

    private void MoveToExternal(TensorProto tensor, FileStream data, string location)
    {
        if (!tensor.HasRawData || tensor.RawData.Length < _externalThreshold)
        {
            return;
        }

        // Each tensor starts at a multiple of 64 bytes.
        long offset = (data.Length + 63) / 64 * 64;
        int length = tensor.RawData.Length;
        data.SetLength(offset);
        data.Position = offset;
        data.Write(tensor.RawData.Span);
        tensor.ClearRawData();
        tensor.DataLocation = TensorProto.Types.DataLocation.External;
        tensor.ExternalData.Add(new StringStringEntryProto { Key = "location", Value = location.Replace('\\', '/') });
        tensor.ExternalData.Add(new StringStringEntryProto { Key = "offset", Value = offset.ToString(CultureInfo.InvariantCulture) });
        tensor.ExternalData.Add(new StringStringEntryProto { Key = "length", Value = length.ToString(CultureInfo.InvariantCulture) });
    }
}
