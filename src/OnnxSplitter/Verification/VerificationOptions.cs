namespace PartitionCompiler.OnnxSplitter.Verification;

/// <summary>
/// How the proof runs: <see cref="Runs"/> seeded random inputs (floats uniform in [-1, 1], integers in [0, 8), bools
/// true), and the tolerance a compared tensor must meet: max|a - b| &lt;= <see cref="Atol"/> + <see cref="Rtol"/> *
/// max|ref|, with NaN and infinities at the same places.
/// </summary>
public sealed record VerificationOptions
{
    /// <summary>Inputs to try (at least 1).</summary>
    public int Runs { get; init; } = 3;

    /// <summary>Seed of the random inputs.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Relative tolerance (to the largest magnitude of the original tensor).</summary>
    public double Rtol { get; init; } = 1e-5;

    /// <summary>Absolute tolerance.</summary>
    public double Atol { get; init; } = 1e-6;

    /// <summary>How ONNX Runtime sessions are configured.</summary>
    public SessionProfile Sessions { get; init; } = SessionProfile.Default;

    /// <summary>Why these options cannot be used, or null.</summary>
    public string? Problem()
    {
        if (Runs < 1)
        {
            return "--runs must be at least 1";
        }

        if (!double.IsFinite(Rtol) || Rtol < 0)
        {
            return "--rtol must be a finite number of 0 or more";
        }

        if (!double.IsFinite(Atol) || Atol < 0)
        {
            return "--atol must be a finite number of 0 or more";
        }

        return null;
    }
}
