using System.Diagnostics;
using Microsoft.ML.OnnxRuntime;
using PartitionCompiler.Partitioning.Diagnostics;

namespace PartitionCompiler.OnnxSplitter.Verification;

/// <summary>
/// Opens ONNX Runtime sessions for the proof with the same settings for the original and every stage (CPU, the
/// <see cref="SessionProfile"/>'s optimisation, ONNX Runtime's logging off: its failures come back as diagnostics),
/// timing each load.
/// </summary>
internal static class OrtSessions
{
    /// <summary>Session options; <paramref name="externalDataFolder"/> is where a model loaded from bytes finds its external data.</summary>
    public static SessionOptions Options(SessionProfile profile, string? externalDataFolder = null)
    {
        var options = new SessionOptions
        {
            GraphOptimizationLevel = profile == SessionProfile.Plain ? GraphOptimizationLevel.ORT_DISABLE_ALL : GraphOptimizationLevel.ORT_ENABLE_ALL,
            LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_FATAL,
        };
        if (profile == SessionProfile.Plain)
        {
            options.AddSessionConfigEntry("session.disable_prepacking", "1");
        }

        if (externalDataFolder is not null)
        {
            options.AddSessionConfigEntry("session.model_external_initializers_file_folder_path", externalDataFolder);
        }

        return options;
    }

    /// <summary>Loads a model file, or returns null after PC0412 naming <paramref name="what"/>.</summary>
    public static InferenceSession? Load(string path, SessionProfile profile, string what, SourceLocation? location, DiagnosticBag diagnostics, out double loadMs)
    {
        using var options = Options(profile);
        return Load(() => new InferenceSession(path, options), what, location, diagnostics, out loadMs);
    }

    /// <summary>Loads a model from bytes, or returns null after PC0412 naming <paramref name="what"/>.</summary>
    public static InferenceSession? Load(byte[] model, string? externalDataFolder, SessionProfile profile, string what, SourceLocation? location,
        DiagnosticBag diagnostics, out double loadMs)
    {
        using var options = Options(profile, externalDataFolder);
        return Load(() => new InferenceSession(model, options), what, location, diagnostics, out loadMs);
    }

    private static InferenceSession? Load(Func<InferenceSession> open, string what, SourceLocation? location, DiagnosticBag diagnostics, out double loadMs)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            var session = open();
            loadMs = clock.Elapsed.TotalMilliseconds;
            return session;
        }
        catch (OnnxRuntimeException e)
        {
            loadMs = clock.Elapsed.TotalMilliseconds;
            diagnostics.Add(DiagnosticCatalog.OrtLoadFailed, location, what, OneLine(e.Message));
            return null;
        }
    }

    /// <summary>An ONNX Runtime message on one line.</summary>
    public static string OneLine(string text) =>
        string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
