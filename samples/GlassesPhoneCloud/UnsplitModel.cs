using Microsoft.ML.OnnxRuntime;
using PartitionCompiler.Runtime.Tensors;

namespace GlassesPhoneCloud;

/// <summary>The whole model, unsplit, in ONNX Runtime: what the split pipeline must reproduce.</summary>
internal sealed class UnsplitModel : IDisposable
{
    /// <summary>The model's output.</summary>
    public const string OutputName = "scores";

    private readonly InferenceSession _session;

    /// <summary>Loads <c>models/scene.onnx</c> from beside the app.</summary>
    public UnsplitModel() => _session = new InferenceSession(Path.Combine(AppContext.BaseDirectory, "models", "scene.onnx"));

    /// <summary>The scores for one frame.</summary>
    public NamedTensor Run(NamedTensor image)
    {
        using OrtValue input = image.ToOrtValue();
        using RunOptions options = new();
        using IDisposableReadOnlyCollection<OrtValue> outputs = _session.Run(options, [SceneInput.Name], [input], [OutputName]);
        return NamedTensor.FromOrtValue(OutputName, outputs[0]);
    }

    public void Dispose() => _session.Dispose();
}
