using PartitionCompiler.Partitioning.Graph;

namespace PartitionCompiler.Partitioning.Shapes.Rules;

/// <summary>An Einsum equation resolved against input shapes: the size of every letter, the broadcast ellipsis and the
/// output shape.</summary>
internal sealed class EinsumEquation
{
    private EinsumEquation(Dictionary<char, Dim> letters, TensorShape ellipsis, TensorShape output)
    {
        Letters = letters;
        Ellipsis = ellipsis;
        Output = output;
    }

    public Dictionary<char, Dim> Letters { get; }

    public TensorShape Ellipsis { get; }

    public TensorShape Output { get; }

    /// <summary>Resolves the equation, or returns null with the reason.</summary>
    public static EinsumEquation? Resolve(string equation, IReadOnlyList<TensorShape> shapes, out string? error)
    {
        error = null;
        string text = equation.Replace(" ", "", StringComparison.Ordinal);
        int arrow = text.IndexOf("->", StringComparison.Ordinal);
        string[] terms = (arrow >= 0 ? text[..arrow] : text).Split(',');
        if (terms.Length != shapes.Count)
        {
            error = $"'{equation}' has {terms.Length} operand terms for {shapes.Count} inputs";
            return null;
        }

        var letters = new Dictionary<char, Dim>();
        var counts = new Dictionary<char, int>();
        var ellipses = new List<TensorShape>();
        for (int i = 0; i < terms.Length; i++)
        {
            string term = terms[i];
            bool hasEllipsis = term.Contains("...", StringComparison.Ordinal);
            string plain = term.Replace("...", "", StringComparison.Ordinal);
            int covered = shapes[i].Rank - plain.Length;
            if (!plain.All(char.IsAsciiLetter) || covered < 0 || (!hasEllipsis && covered != 0))
            {
                error = $"'{equation}': term '{term}' does not fit input {i} of shape {shapes[i]}";
                return null;
            }

            int start = hasEllipsis ? term.IndexOf("...", StringComparison.Ordinal) : plain.Length;
            ellipses.Add(DimMath.Shape(shapes[i].Dims.Skip(start).Take(covered)));
            for (int j = 0; j < plain.Length; j++)
            {
                var dim = shapes[i][j < start ? j : j + covered];
                char letter = plain[j];
                counts[letter] = counts.GetValueOrDefault(letter) + 1;
                if (letters.TryGetValue(letter, out var seen) && !DimMath.Compatible(seen, dim))
                {
                    error = $"'{equation}': letter '{letter}' has sizes {seen} and {dim}";
                    return null;
                }

                letters[letter] = seen.IsKnown || seen.Symbol is not null ? seen : dim;
            }
        }

        var ellipsis = DimMath.Broadcast(ellipses, out string? broadcastError);
        if (ellipsis is null)
        {
            error = $"'{equation}': the '...' dims do not broadcast: {broadcastError}";
            return null;
        }

        string rhs = arrow >= 0 ? text[(arrow + 2)..]
            : "..." + new string(counts.Where(c => c.Value == 1).Select(c => c.Key).Order().ToArray());
        var output = new List<Dim>();
        for (int k = 0; k < rhs.Length; k++)
        {
            if (string.CompareOrdinal(rhs, k, "...", 0, 3) == 0)
            {
                output.AddRange(ellipsis.Dims);
                k += 2;
            }
            else if (letters.TryGetValue(rhs[k], out var dim))
            {
                output.Add(dim);
            }
            else
            {
                error = $"'{equation}': output letter '{rhs[k]}' appears in no input";
                return null;
            }
        }

        return new EinsumEquation(letters, ellipsis, DimMath.Shape(output));
    }
}
