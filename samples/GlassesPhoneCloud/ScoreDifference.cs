using System.Globalization;
using PartitionCompiler.Runtime.Tensors;

namespace GlassesPhoneCloud;

/// <summary>
/// How far the split pipeline's scores are from the unsplit model's: the largest absolute difference, and that divided
/// by the largest absolute reference score. Equal means max abs &lt;= 1e-6 + 1e-5 * max |reference|, the tolerance
/// <c>partc verify</c> uses.
/// </summary>
/// <param name="MaxAbs">max |split - unsplit|.</param>
/// <param name="MaxRel"><paramref name="MaxAbs"/> / max |unsplit|.</param>
/// <param name="Scale">max |unsplit|.</param>
internal readonly record struct ScoreDifference(double MaxAbs, double MaxRel, double Scale)
{
    public const double Rtol = 1e-5;

    public const double Atol = 1e-6;

    public bool Equal => MaxAbs <= Atol + (Rtol * Scale);

    public static ScoreDifference Between(NamedTensor split, NamedTensor unsplit)
    {
        float[] a = split.ToArray<float>();
        float[] b = unsplit.ToArray<float>();
        if (a.Length != b.Length)
        {
            throw new InvalidOperationException($"{split} and {unsplit} differ in size");
        }

        double maxAbs = 0;
        double scale = 0;
        for (int i = 0; i < a.Length; i++)
        {
            maxAbs = Math.Max(maxAbs, Math.Abs((double)a[i] - b[i]));
            scale = Math.Max(scale, Math.Abs((double)b[i]));
        }

        return new ScoreDifference(maxAbs, scale > 0 ? maxAbs / scale : maxAbs, scale);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"max abs difference {MaxAbs:G3}, max rel difference {MaxRel:G3} (tolerance {Rtol:G1} relative): {(Equal ? "equal" : "DIFFERENT")}");
}
