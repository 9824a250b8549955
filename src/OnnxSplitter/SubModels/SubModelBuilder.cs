using Google.Protobuf;
using PartitionCompiler.OnnxSplitter.Reading;
using PartitionCompiler.Partitioning.Diagnostics;
using PartitionCompiler.Partitioning.Graph;
using PartitionCompiler.Partitioning.Plan;

namespace PartitionCompiler.OnnxSplitter.SubModels;

/// <summary>
/// Builds the per-stage sub-models of a plan (DESIGN.md section 7): for each stage a valid ONNX model with the
/// original's IR version and opset imports, the stage's nodes in execution order under their original names, only the
/// initializers and weight producers it reads (a weight two stages read goes to both), its inputs and outputs typed as
/// the plan says, the original value_info of its internal tensors, and the three <c>partition.*</c> metadata entries.
/// Nodes with subgraphs (If, Loop, Scan) stay whole. Weights the original keeps as external data go to the stage's own
/// <c>&lt;stage file&gt;.data</c>.
/// </summary>
/// <remarks>
/// A pure function of the model and the plan: nothing is written, and the same inputs give byte-identical files. The
/// stage models share the original's protobuf messages instead of copying them, so building costs one serialization of
/// what the stages hold (each weight once per stage that reads it) plus one SHA-256 pass, whatever the number of stages;
/// stages are serialized in parallel (they only read the shared messages), and hashed when their hash is first asked
/// for (<see cref="SubModelSet.ApplyTo"/> hashes them in parallel).
/// </remarks>
public static class SubModelBuilder
{
    /// <summary>Builds every stage of <paramref name="plan"/>, or returns null after reporting PC0400-PC0407.</summary>
    /// <param name="graph">The model's operator graph (node keys resolve through it).</param>
    /// <param name="locator">Points diagnostics at the plan file's lines; null when the plan is only in memory.</param>
    public static SubModelSet? Build(OnnxModel model, OperatorGraph graph, PartitionPlan plan, DiagnosticBag diagnostics, PlanJsonLocator? locator = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var contents = Select(model, graph, plan, diagnostics, locator ?? PlanJsonLocator.None);
        if (contents is null)
        {
            return null;
        }

        // Stages are independent (they only read the shared messages), so they serialize and hash in parallel.
        var folder = new ExternalDataFolder(model.Folder);
        var results = new (StageModelFile? File, Diagnostic? Problem)[contents.Count];
        Parallel.For(0, contents.Count, i => results[i] = BuildStage(model, contents[i], folder));
        foreach (var (_, problem) in results)
        {
            if (problem is not null)
            {
                diagnostics.Add(problem);
                return null;
            }
        }

        var files = results.Select(r => r.File!).ToArray();
        return new SubModelSet(files);
    }

    private static (StageModelFile? File, Diagnostic? Problem) BuildStage(OnnxModel model, StageContents stage, ExternalDataFolder folder)
    {
        string dataPath = stage.RelativePath + ".data";
        var data = new ExternalDataLayout(folder, dataPath[(dataPath.LastIndexOf('/') + 1)..]);
        byte[] bytes;
        string? dataSha256 = null;
        try
        {
            bytes = StageModelAssembler.Assemble(model.Proto, model.Sha256, stage, data).ToByteArray();
            if (!data.IsEmpty)
            {
                dataSha256 = Convert.ToHexStringLower(data.CopyTo(null));
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            string tensor = data.Segments.Count > 0 ? data.Segments[^1].TensorName : "?";
            return (null, DiagnosticCatalog.StageDataUnreadable.Create(model.Location, tensor, model.Path, stage.StageIndex, e.Message));
        }

        var dataFile = dataSha256 is null ? null : new StageDataFile(dataPath, data, dataSha256);
        var file = new StageModelFile(stage.StageIndex, stage.Device, stage.RelativePath, bytes, dataFile, stage.Nodes.Count,
            stage.Initializers.Count + stage.SparseInitializers.Count);
        return (file, null);
    }

    /// <summary>
    /// Resolves every stage of the plan against the model (node keys, tensors, file paths, weights), or returns null
    /// after reporting PC0400-PC0405. The proof runs the same checks before it loads anything.
    /// </summary>
    internal static List<StageContents>? Select(OnnxModel model, OperatorGraph graph, PartitionPlan plan, DiagnosticBag diagnostics, PlanJsonLocator locator)
    {
        int errors = diagnostics.ErrorCount;
        var paths = StagePathsOf(plan, locator, diagnostics);
        var selector = new StageSelector(graph, new OriginalModelIndex(model.Proto.Graph), model.Proto.IrVersion < 4, locator, diagnostics);
        var contents = new List<StageContents>(plan.Stages.Count);
        for (int i = 0; i < plan.Stages.Count; i++)
        {
            if (paths[i] is { } path && selector.Select(plan.Stages[i], i, path) is { } stage)
            {
                contents.Add(stage);
            }
        }

        return diagnostics.ErrorCount > errors ? null : contents;
    }

    /// <summary>Reads the model's graph and builds every stage of <paramref name="plan"/> (see the other overload).</summary>
    public static SubModelSet? Build(OnnxModel model, PartitionPlan plan, DiagnosticBag diagnostics, PlanJsonLocator? locator = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var graph = GraphBuilder.Build(model.Spec, model.Location, diagnostics);
        return graph is null ? null : Build(model, graph, plan, diagnostics, locator);
    }

    /// <summary>Each stage's relative file path (the plan's <c>file</c>, else the default), or null where it is unusable (PC0405).</summary>
    private static string?[] StagePathsOf(PartitionPlan plan, PlanJsonLocator locator, DiagnosticBag diagnostics)
    {
        string stem = StagePaths.ModelStem(plan.Model.Path);
        var paths = new string?[plan.Stages.Count];
        var owners = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < plan.Stages.Count; i++)
        {
            var stage = plan.Stages[i];
            string at = $"$.stages[{i}]";
            string path;
            if (stage.File.Length > 0)
            {
                path = stage.File;
                if (StagePaths.RelativePathProblem(path) is { } problem)
                {
                    diagnostics.Add(DiagnosticCatalog.StageFilePathUnsafe, locator.Locate(at + ".file"), stage.Index, "file", path, problem);
                    continue;
                }
            }
            else
            {
                if (StagePaths.SegmentProblem(stage.Device) is { } problem)
                {
                    diagnostics.Add(DiagnosticCatalog.StageFilePathUnsafe, locator.Locate(at + ".device"), stage.Index, "device name", stage.Device, problem);
                    continue;
                }

                path = StagePaths.Default(stage.Device, stem, stage.Index);
                if (StagePaths.RelativePathProblem(path) is { } stemProblem)
                {
                    diagnostics.Add(DiagnosticCatalog.StageFilePathUnsafe, locator.Locate(at), stage.Index, "file", path, stemProblem);
                    continue;
                }
            }

            // Case-insensitive: two paths that differ only in case are one file on Windows and macOS.
            if (owners.TryGetValue(path, out int other))
            {
                diagnostics.Add(DiagnosticCatalog.StageFilePathUnsafe, locator.Locate(at + ".file"), stage.Index, "file", path,
                    $"stage {plan.Stages[other].Index} uses the same file");
                continue;
            }

            owners[path] = i;
            paths[i] = path;
        }

        return paths;
    }
}
