using System.Text.Json;

namespace PartitionCompiler.OnnxSplitter.Profiling;

/// <summary>
/// Reads the trace ONNX Runtime writes when profiling is on (Chrome trace format: a JSON array of events with
/// <c>cat</c>, <c>name</c>, <c>ts</c> and <c>dur</c> in microseconds). A session run is a <c>Session</c> event named
/// <c>model_run</c>; a node's kernel is a <c>Node</c> event named <c>&lt;node name&gt;_kernel_time</c> inside it.
/// </summary>
internal static class OrtProfileTrace
{
    private const string KernelSuffix = "_kernel_time";

    /// <summary>Per session run, in run order: node name -> kernel microseconds (summed when a node has several kernel events).</summary>
    /// <exception cref="InvalidDataException">The trace is not the format described above.</exception>
    public static List<Dictionary<string, double>> KernelTimesPerRun(ReadOnlySpan<byte> trace)
    {
        var runs = new List<(double Start, double End)>();
        var kernels = new List<(string Node, double Start, double Duration)>();
        try
        {
            using var document = JsonDocument.Parse(trace.ToArray());
            var events = document.RootElement.ValueKind == JsonValueKind.Array
                ? document.RootElement
                : document.RootElement.GetProperty("traceEvents");
            foreach (var item in events.EnumerateArray())
            {
                if (!item.TryGetProperty("cat", out var cat) || !item.TryGetProperty("name", out var nameValue)
                    || !item.TryGetProperty("ts", out var ts) || !item.TryGetProperty("dur", out var dur))
                {
                    continue;
                }

                string name = nameValue.GetString() ?? "";
                if (cat.GetString() == "Session" && name == "model_run")
                {
                    runs.Add((ts.GetDouble(), ts.GetDouble() + dur.GetDouble()));
                }
                else if (cat.GetString() == "Node" && name.EndsWith(KernelSuffix, StringComparison.Ordinal))
                {
                    kernels.Add((name[..^KernelSuffix.Length], ts.GetDouble(), dur.GetDouble()));
                }
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException or FormatException)
        {
            throw new InvalidDataException("ONNX Runtime's profile trace has an unexpected format: " + e.Message, e);
        }

        var result = runs.OrderBy(r => r.Start).Select(_ => new Dictionary<string, double>(StringComparer.Ordinal)).ToList();
        var ordered = runs.OrderBy(r => r.Start).ToList();
        foreach (var (node, start, duration) in kernels)
        {
            int run = ordered.FindIndex(r => start >= r.Start && start <= r.End);
            if (run >= 0)
            {
                result[run][node] = result[run].GetValueOrDefault(node) + duration;
            }
        }

        return result;
    }
}
