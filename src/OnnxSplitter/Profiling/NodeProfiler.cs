using System.Collections.Immutable;
using Google.Protobuf;
using Microsoft.ML.OnnxRuntime;
using PartitionCompiler.OnnxSplitter.Proto;
using PartitionCompiler.OnnxSplitter.Reading;
using PartitionCompiler.OnnxSplitter.Verification;
using PartitionCompiler.Partitioning.Collections;
using PartitionCompiler.Partitioning.Diagnostics;
using PartitionCompiler.Partitioning.Graph;
using PartitionCompiler.Partitioning.Profiles;
using PartitionCompiler.Partitioning.Shapes;

namespace PartitionCompiler.OnnxSplitter.Profiling;

/// <summary>
/// Measures a model's per-node times on this machine with ONNX Runtime's own profiler and returns them as a
/// <see cref="DeviceProfile"/> keyed by node key (DESIGN.md section 4), for a manifest device to name.
/// </summary>
/// <remarks>
/// The model runs with graph optimisations off, so every node of the file is one kernel and its time is its own (a fused
/// kernel could not be attributed to the nodes it replaced); the times are those of the nodes as written, which is what
/// a stage runs when it is cut between them. Before loading, every node is renamed to its node key, so the trace's
/// kernel events name nodes exactly, unnamed and repeated names included. Weight producers are not timed: they get no
/// position and a stage folds them. Each timed run contributes one sample per node; the profile keeps the median, p10
/// and p90 (nearest rank).
/// </remarks>
public static class NodeProfiler
{
    /// <summary>Profiles <paramref name="model"/> as <paramref name="deviceName"/>; null after PC0412-PC0414.</summary>
    /// <param name="types">Inferred types with every graph input dim pinned (they shape the random inputs).</param>
    public static DeviceProfile? Profile(OnnxModel model, OperatorGraph graph, InferredTypes types, string deviceName,
        ProfilerOptions options, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(types);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var pinned = new Dictionary<string, GraphInputValue>(StringComparer.Ordinal);
        foreach (var input in model.Spec.Inputs)
        {
            if (types.TypeOf(input.Name) is { Shape: { } shape } type && shape.Dims.All(d => d.IsKnown))
            {
                pinned[input.Name] = new GraphInputValue(input.Name, type.ElementType, [.. shape.Dims.Select(d => d.Value!.Value)]);
            }
        }

        var inputs = RandomInputs.Shapes(model.Spec, pinned, model.Location, diagnostics);
        if (inputs is null)
        {
            return null;
        }

        string folder = Path.Combine(Path.GetTempPath(), "partc-profile-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var samples = Measure(model, graph, inputs, options, folder, diagnostics);
            return samples is null ? null : Summarise(model, graph, deviceName, samples);
        }
        finally
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A trace left in the temp folder is harmless.
            }
        }
    }

    private static List<Dictionary<string, double>>? Measure(OnnxModel model, OperatorGraph graph, List<GraphInputValue> inputs,
        ProfilerOptions options, string folder, DiagnosticBag diagnostics)
    {
        string what = $"the model '{model.Path}'";
        using var sessionOptions = OrtSessions.Options(SessionProfile.Plain, model.Folder);
        // The prefix first: turning profiling on hands ONNX Runtime the prefix set at that moment.
        sessionOptions.ProfileOutputPathPrefix = Path.Combine(folder, "trace");
        sessionOptions.EnableProfiling = true;
        InferenceSession session;
        try
        {
            session = new InferenceSession(NamedByKey(model.Proto, graph), sessionOptions);
        }
        catch (OnnxRuntimeException e)
        {
            diagnostics.Add(DiagnosticCatalog.OrtLoadFailed, model.Location, what, OrtSessions.OneLine(e.Message));
            return null;
        }

        using (session)
        {
            int total = options.WarmupRuns + options.Runs;
            var values = RandomInputs.Create(inputs, total, options.Seed);
            var names = inputs.Select(i => i.Name).ToList();
            using var runOptions = new RunOptions { LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_FATAL };
            try
            {
                for (int run = 0; run < total; run++)
                {
                    using var outputs = session.Run(runOptions, names, values[run], session.OutputNames);
                }
            }
            catch (OnnxRuntimeException e)
            {
                diagnostics.Add(DiagnosticCatalog.OrtRunFailed, model.Location, what, 0, OrtSessions.OneLine(e.Message));
                return null;
            }
            finally
            {
                foreach (var value in values.SelectMany(v => v))
                {
                    value.Dispose();
                }
            }

            string trace = session.EndProfiling();
            var perRun = OrtProfileTrace.KernelTimesPerRun(File.ReadAllBytes(trace));
            if (perRun.Count != total)
            {
                throw new InvalidDataException($"ONNX Runtime's profile trace has {perRun.Count} runs, {total} were made");
            }

            return perRun.GetRange(options.WarmupRuns, options.Runs);
        }
    }

    /// <summary>The model with every main-graph node renamed to its node key (nodes are shared, not copied).</summary>
    private static byte[] NamedByKey(ModelProto original, OperatorGraph graph)
    {
        var source = original.Graph;
        var renamed = new GraphProto { Name = source.Name, DocString = source.DocString };
        for (int i = 0; i < source.Node.Count; i++)
        {
            var node = source.Node[i];
            var copy = new NodeProto { Name = graph.Nodes[i].Key, OpType = node.OpType, Domain = node.Domain, DocString = node.DocString };
            copy.Input.Add(node.Input);
            copy.Output.Add(node.Output);
            copy.Attribute.Add(node.Attribute);
            renamed.Node.Add(copy);
        }

        renamed.Initializer.Add(source.Initializer);
        renamed.SparseInitializer.Add(source.SparseInitializer);
        renamed.Input.Add(source.Input);
        renamed.Output.Add(source.Output);
        renamed.ValueInfo.Add(source.ValueInfo);
        var model = new ModelProto { IrVersion = original.IrVersion, Graph = renamed };
        model.OpsetImport.Add(original.OpsetImport);
        model.Functions.Add(original.Functions);
        return model.ToByteArray();
    }

    private static DeviceProfile Summarise(OnnxModel model, OperatorGraph graph, string deviceName, List<Dictionary<string, double>> runs)
    {
        var nodes = ImmutableSortedDictionary.CreateBuilder<string, NodeTiming>(StringComparer.Ordinal);
        for (int position = 0; position < graph.PositionCount; position++)
        {
            string key = graph.NodeAt(position).Key;
            double[] seconds = [.. runs.Select(r => r.GetValueOrDefault(key) / 1e6).Order()];
            nodes[key] = new NodeTiming(Percentile(seconds, 0.5), Percentile(seconds, 0.1), Percentile(seconds, 0.9));
        }

        return new DeviceProfile(deviceName, model.Sha256, nodes.ToImmutable(), EquatableArray<SegmentTiming>.Empty, model.Location);
    }

    /// <summary>Nearest-rank percentile of sorted samples (the median of an even count is the mean of the middle two).</summary>
    private static double Percentile(double[] sorted, double fraction)
    {
        if (fraction == 0.5 && sorted.Length % 2 == 0)
        {
            return (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
        }

        int rank = (int)Math.Ceiling(fraction * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}
