namespace PartitionCompiler.OnnxSplitter.Verification;

/// <summary>
/// How far one tensor is from its reference in one run: the largest |a - b| and |ref| over elements where both are
/// finite, and the elements where NaN or infinity sit in one but not (the same way) in the other.
/// </summary>
/// <param name="NonFiniteMismatches">Elements where one is NaN or infinite and the other is not the same non-finite value.</param>
/// <param name="FirstMismatch">Flat index of the first such element, or -1.</param>
internal readonly record struct TensorDifference(double MaxAbs, double MaxRef, long NonFiniteMismatches, long FirstMismatch)
{
    /// <summary>max_abs / max|ref|: 0 when both are 0, infinity when only the reference is all zeros.</summary>
    public double MaxRel => MaxAbs == 0 ? 0 : MaxRef == 0 ? double.PositiveInfinity : MaxAbs / MaxRef;

    /// <summary>The bound max_abs must meet: atol + rtol * max|ref|.</summary>
    public static double Bound(double maxRef, double rtol, double atol) => atol + (rtol * maxRef);

    public bool Within(double rtol, double atol) => NonFiniteMismatches == 0 && MaxAbs <= Bound(MaxRef, rtol, atol);
}
