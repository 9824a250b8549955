using System.Globalization;
using System.Security.Cryptography;
using Microsoft.ML.OnnxRuntime;
using PartitionCompiler.OnnxSplitter.SubModels;
using PartitionCompiler.Partitioning.Diagnostics;
using PartitionCompiler.Partitioning.Plan;

namespace PartitionCompiler.OnnxSplitter.Verification;

/// <summary>
/// Stage files under a partitions root, at the plan's relative <c>file</c> paths. Before anything runs, each file (and
/// its <c>.data</c> file when the plan records a <c>dataSha256</c>) must exist and hash to what the plan records, so a
/// missing or changed file is a diagnostic, never a confusing ONNX Runtime failure or a proof of the wrong model.
/// </summary>
internal sealed class FolderStageSource : IStageSource
{
    private readonly string _root;

    public FolderStageSource(string root) => _root = Path.GetFullPath(root);

    public bool Check(PartitionPlan plan, PlanJsonLocator locator, DiagnosticBag diagnostics)
    {
        int errors = diagnostics.ErrorCount;
        for (int i = 0; i < plan.Stages.Count; i++)
        {
            var stage = plan.Stages[i];
            string at = string.Create(CultureInfo.InvariantCulture, $"$.stages[{i}]");
            if (StagePaths.RelativePathProblem(stage.File) is { } problem)
            {
                diagnostics.Add(DiagnosticCatalog.StageFilePathUnsafe, locator.Locate(at + ".file"), stage.Index, "file", stage.File, problem);
                continue;
            }

            string path = FullPath(stage);
            if (CheckFile(path, stage.Sha256, "file", stage.Index, locator.Locate(at + ".file"), locator.Locate(at + ".sha256"), diagnostics)
                && stage.DataSha256 is { } dataSha)
            {
                CheckFile(path + ".data", dataSha, "data file", stage.Index, locator.Locate(at + ".file"), locator.Locate(at + ".dataSha256"), diagnostics);
            }
        }

        return diagnostics.ErrorCount == errors;
    }

    public InferenceSession? Open(int position, PlanStage stage, SessionProfile profile, PlanJsonLocator locator, DiagnosticBag diagnostics, out double loadMs) =>
        OrtSessions.Load(FullPath(stage), profile, $"stage {stage.Index.ToString(CultureInfo.InvariantCulture)} ('{stage.File}')",
            locator.Locate(string.Create(CultureInfo.InvariantCulture, $"$.stages[{position}].file")), diagnostics, out loadMs);

    private string FullPath(PlanStage stage) => Path.Combine(_root, stage.File.Replace('/', Path.DirectorySeparatorChar));

    private static bool CheckFile(string path, string expected, string role, int stage, SourceLocation? fileAt, SourceLocation? hashAt, DiagnosticBag diagnostics)
    {
        string actual;
        try
        {
            if (!File.Exists(path))
            {
                diagnostics.Add(DiagnosticCatalog.StageFileMissing, fileAt, stage, role, path);
                return false;
            }

            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
            actual = Convert.ToHexStringLower(SHA256.HashData(stream));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(DiagnosticCatalog.StageFileMissing, fileAt, stage, role, path);
            return false;
        }

        if (!string.Equals(actual, expected, StringComparison.Ordinal))
        {
            diagnostics.Add(DiagnosticCatalog.StageFileChanged, hashAt, stage, role, path, actual, expected.Length == 0 ? "none" : expected);
            return false;
        }

        return true;
    }
}
