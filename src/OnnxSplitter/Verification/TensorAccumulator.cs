using System.Globalization;
using Microsoft.ML.OnnxRuntime;
using PartitionCompiler.Partitioning.Diagnostics;
using PartitionCompiler.Partitioning.Plan;

namespace PartitionCompiler.OnnxSplitter.Verification;

/// <summary>The comparison of one stage output over the runs.</summary>
internal sealed class TensorAccumulator
{
    private double _maxAbs;
    private double _maxRel;
    private double _maxRef;
    private string? _type;
    private string? _problem;
    private DiagnosticDescriptor? _failure;
    private object?[] _failureArgs = [];

    public void Add(int run, OrtValue actual, OrtValue expected, VerificationOptions options)
    {
        string actualType = TensorComparer.Describe(actual);
        string expectedType = TensorComparer.Describe(expected);
        _type ??= expectedType;
        if (_problem is not null)
        {
            return;
        }

        if (actualType != expectedType)
        {
            _problem = $"is {actualType}, the original's is {expectedType}";
            _failure = DiagnosticCatalog.VerifyTypeMismatch;
            _failureArgs = [actualType, expectedType];
            return;
        }

        var difference = TensorComparer.Compare(actual, expected);
        _maxAbs = Math.Max(_maxAbs, difference.MaxAbs);
        _maxRel = Math.Max(_maxRel, difference.MaxRel);
        _maxRef = Math.Max(_maxRef, difference.MaxRef);
        if (difference.NonFiniteMismatches > 0)
        {
            _problem = $"NaN or infinity at {difference.NonFiniteMismatches} other places (input {run})";
            _failure = DiagnosticCatalog.VerifyNonFiniteMismatch;
            _failureArgs = [difference.NonFiniteMismatches, difference.FirstMismatch, run];
        }
        else if (!difference.Within(options.Rtol, options.Atol))
        {
            double bound = TensorDifference.Bound(difference.MaxRef, options.Rtol, options.Atol);
            _problem = string.Create(CultureInfo.InvariantCulture, $"max abs error {difference.MaxAbs:G4} > {bound:G4} (input {run})");
            _failure = DiagnosticCatalog.VerifyOverTolerance;
            _failureArgs = [Number(difference.MaxAbs), Number(bound), Number(difference.MaxRel), run];
        }
    }

    public TensorCheck Result(PlanTensor output, int stage) =>
        new(output.Name, stage, output.ToStages, output.ToOutput, _type ?? "", _maxAbs, _maxRel, _maxRef, _problem is null, _problem);

    public void Report(TensorCheck check, SourceLocation? location, DiagnosticBag diagnostics) =>
        diagnostics.Add(_failure!, location, [check.Name, check.Route, .. _failureArgs]);

    private static string Number(double value) => value.ToString("G4", CultureInfo.InvariantCulture);
}
