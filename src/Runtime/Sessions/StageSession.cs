using Microsoft.ML.OnnxRuntime;
using PartitionCompiler.Runtime.Tensors;

namespace PartitionCompiler.Runtime.Sessions;

/// <summary>
/// One stage's ONNX model loaded into an ONNX Runtime <see cref="InferenceSession"/>. Create one per stage and reuse
/// it across runs (loading is the expensive part); <see cref="Run(IEnumerable{NamedTensor}, IReadOnlyList{string})"/> may be called from several threads at once.
/// </summary>
public sealed class StageSession : IDisposable
{
    private readonly InferenceSession _session;
    private readonly string[] _inputNames;
    private readonly string[] _outputNames;

    /// <summary>Loads a stage file.</summary>
    /// <param name="stageFile">The stage's file as the plan names it, relative to <paramref name="stageFolder"/>
    /// with <c>/</c> separators (for example <c>glasses/detector.stage0.onnx</c>); an absolute path is used as is.</param>
    /// <param name="stageFolder">The folder stage files are relative to; default <see cref="DefaultStageFolder"/>.</param>
    /// <param name="options">ONNX Runtime session options (execution providers, threads); default options when null.
    /// The caller keeps ownership.</param>
    /// <exception cref="ArgumentException">A relative <paramref name="stageFile"/> leads outside the stage folder.</exception>
    /// <exception cref="FileNotFoundException">The stage file does not exist.</exception>
    /// <exception cref="OnnxRuntimeException">ONNX Runtime cannot load the model.</exception>
    public StageSession(string stageFile, string? stageFolder = null, SessionOptions? options = null)
    {
        ModelPath = ResolvePath(stageFile, stageFolder);
        if (!File.Exists(ModelPath))
        {
            throw new FileNotFoundException($"Stage model '{stageFile}' was not found at '{ModelPath}'.", ModelPath);
        }

        _session = options is null ? new InferenceSession(ModelPath) : new InferenceSession(ModelPath, options);
        _inputNames = [.. _session.InputNames];
        _outputNames = [.. _session.OutputNames];
    }

    /// <summary>The default stage folder: <c>partitions/</c> under the application's base directory, where the
    /// build copies the per-device stage files.</summary>
    public static string DefaultStageFolder => Path.Combine(AppContext.BaseDirectory, "partitions");

    /// <summary>The full path of the loaded model.</summary>
    public string ModelPath { get; }

    /// <summary>The model's input names, in model order.</summary>
    public IReadOnlyList<string> InputNames => _inputNames;

    /// <summary>The model's output names, in model order.</summary>
    public IReadOnlyList<string> OutputNames => _outputNames;

    /// <summary>Runs the stage.</summary>
    /// <param name="inputs">A tensor for every model input, matched by name; extra tensors are ignored.</param>
    /// <param name="outputNames">The outputs wanted, in the order wanted; default: all, in model order.</param>
    /// <returns>The outputs, named as in the model.</returns>
    /// <exception cref="ArgumentException">An input is missing or has another element type than the model expects,
    /// or an output name is unknown.</exception>
    /// <exception cref="OnnxRuntimeException">ONNX Runtime failed (for example a shape mismatch).</exception>
    public IReadOnlyList<NamedTensor> Run(IEnumerable<NamedTensor> inputs, IReadOnlyList<string>? outputNames = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var byName = new Dictionary<string, NamedTensor>(StringComparer.Ordinal);
        foreach (NamedTensor tensor in inputs)
        {
            byName[tensor.Name] = tensor;
        }

        string[] wanted = outputNames is null ? _outputNames : [.. outputNames];
        string[] unknown = [.. wanted.Where(n => !_session.OutputMetadata.ContainsKey(n))];
        if (unknown.Length > 0)
        {
            throw new ArgumentException(
                $"Stage '{ModelPath}' has no output {string.Join(", ", unknown.Select(n => $"'{n}'"))}; its outputs are {string.Join(", ", _outputNames)}.",
                nameof(outputNames));
        }

        var values = new List<OrtValue>(_inputNames.Length);
        try
        {
            foreach (string name in _inputNames)
            {
                if (!byName.TryGetValue(name, out NamedTensor? tensor))
                {
                    throw new ArgumentException(
                        $"Stage '{ModelPath}' needs input '{name}', which was not given (given: {string.Join(", ", byName.Keys)}).",
                        nameof(inputs));
                }

                var expected = (ElementType)(int)_session.InputMetadata[name].ElementDataType;
                if (expected != tensor.ElementType)
                {
                    throw new ArgumentException(
                        $"Stage '{ModelPath}' input '{name}' is {ElementTypes.ToName(expected)}, but a {ElementTypes.ToName(tensor.ElementType)} tensor was given.",
                        nameof(inputs));
                }

                values.Add(tensor.ToOrtValue());
            }

            using var runOptions = new RunOptions();
            using IDisposableReadOnlyCollection<OrtValue> results = _session.Run(runOptions, _inputNames, values, wanted);
            var outputs = new NamedTensor[wanted.Length];
            int i = 0;
            foreach (OrtValue result in results)
            {
                outputs[i] = NamedTensor.FromOrtValue(wanted[i], result);
                i++;
            }

            return outputs;
        }
        finally
        {
            foreach (OrtValue value in values)
            {
                value.Dispose();
            }
        }
    }

    /// <summary>Runs the stage on the given inputs.</summary>
    /// <param name="inputs">A tensor for every model input.</param>
    /// <returns>All outputs, in model order.</returns>
    public IReadOnlyList<NamedTensor> Run(params NamedTensor[] inputs) => Run((IEnumerable<NamedTensor>)inputs);

    /// <summary>Releases the ONNX Runtime session.</summary>
    public void Dispose() => _session.Dispose();

    private static string ResolvePath(string stageFile, string? stageFolder)
    {
        ArgumentException.ThrowIfNullOrEmpty(stageFile);
        string local = stageFile.Replace('/', Path.DirectorySeparatorChar);
        if (Path.IsPathFullyQualified(local))
        {
            return Path.GetFullPath(local);
        }

        string folder = Path.GetFullPath(stageFolder ?? DefaultStageFolder);
        string full = Path.GetFullPath(Path.Combine(folder, local));
        string root = Path.EndsInDirectorySeparator(folder) ? folder : folder + Path.DirectorySeparatorChar;
        if (!full.StartsWith(root, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Stage file '{stageFile}' leads outside the stage folder '{folder}'.", nameof(stageFile));
        }

        return full;
    }
}
