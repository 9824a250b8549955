using PartitionCompiler.OnnxSplitter.Reading;
using PartitionCompiler.OnnxSplitter.SubModels;
using PartitionCompiler.Partitioning.Diagnostics;
using PartitionCompiler.Partitioning.Graph;
using PartitionCompiler.Partitioning.Plan;

namespace PartitionCompiler.OnnxSplitter.Verification;

/// <summary>
/// The ONNX Runtime proof of a plan (DESIGN.md section 7): runs the original model and the stage chain on the same
/// seeded random inputs and compares every tensor that crosses a cut and every graph output with the original's tensor
/// of the same name. A tensor passes when max|a - b| &lt;= atol + rtol * max|ref| and NaN and infinities sit at the same
/// places. Failures are PC04xx diagnostics; nothing in the plan, the model or the stage files makes it throw.
/// </summary>
public static class PlanVerifier
{
    /// <summary>
    /// Reads the plan file, the model it names (relative to the plan's folder) and the stage files under
    /// <paramref name="stagesRoot"/> (default: the plan's folder), and runs the proof. Null when it could not run.
    /// </summary>
    public static VerificationReport? VerifyPlanFile(string planPath, string? stagesRoot, VerificationOptions options, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(planPath);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(diagnostics);
        byte[] text;
        try
        {
            text = File.ReadAllBytes(planPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            diagnostics.Add(DiagnosticCatalog.PlanFileUnreadable, new SourceLocation(planPath), planPath,
                e is FileNotFoundException or DirectoryNotFoundException ? "the file does not exist" : e.Message);
            return null;
        }

        var read = PlanJsonReader.Read(text, planPath);
        diagnostics.AddRange(read.Diagnostics);
        if (read.Plan is not { } plan)
        {
            return null;
        }

        string planFolder = Path.GetDirectoryName(Path.GetFullPath(planPath)) ?? ".";
        string modelPath = Path.Combine(planFolder, plan.Model.Path.Replace('/', Path.DirectorySeparatorChar));
        var model = OnnxModelReader.Read(modelPath, diagnostics);
        if (model is null)
        {
            return null;
        }

        return Verify(model, plan, stagesRoot ?? planFolder, options, diagnostics, PlanJsonLocator.FromJson(planPath, text));
    }

    /// <summary>
    /// Runs the proof with the stage files under <paramref name="partitionsRoot"/> at the plan's relative <c>file</c>
    /// paths; each must hash to the plan's <c>sha256</c> (and its <c>.data</c> file to <c>dataSha256</c>).
    /// Null when it could not run; a report (with PC0420-PC0422 for failures) when it ran.
    /// </summary>
    public static VerificationReport? Verify(OnnxModel model, PartitionPlan plan, string partitionsRoot, VerificationOptions options,
        DiagnosticBag diagnostics, PlanJsonLocator? locator = null)
    {
        ArgumentNullException.ThrowIfNull(partitionsRoot);
        return Verify(model, plan, new FolderStageSource(partitionsRoot), options, diagnostics, locator ?? PlanJsonLocator.None);
    }

    /// <summary>
    /// Runs the proof on stages just built in memory (stages without external data; write those and verify the folder).
    /// </summary>
    public static VerificationReport? Verify(OnnxModel model, PartitionPlan plan, SubModelSet stages, VerificationOptions options, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(stages);
        return Verify(model, plan, new MemoryStageSource(stages), options, diagnostics, PlanJsonLocator.None);
    }

    internal static VerificationReport? Verify(OnnxModel model, PartitionPlan plan, IStageSource source, VerificationOptions options,
        DiagnosticBag diagnostics, PlanJsonLocator locator)
    {
        using var session = VerificationSession.Create(model, plan, [], options, diagnostics, locator);
        return session?.Check(plan, source, diagnostics, locator);
    }
}
