namespace PartitionCompiler.Partitioning.Manifest.Json;

/// <summary>
/// Suggests the valid name nearest to a misspelt one by Levenshtein edit distance.
/// </summary>
/// <remarks>
/// V. I. Levenshtein, "Binary codes capable of correcting deletions, insertions, and reversals",
/// Soviet Physics Doklady 10(8), 1966; computed with the two-row dynamic programme.
/// </remarks>
internal static class NameSuggestions
{
    /// <summary>The edit distance between two strings, comparing characters ordinally.</summary>
    public static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j] + 1, current[j - 1] + 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    /// <summary>
    /// The nearest candidate (case-insensitive distance; ties go to the earlier candidate), or null when none is close
    /// enough to be a plausible typo: at most 2 edits, or a third of the name's length for longer names.
    /// </summary>
    public static string? Nearest(string name, IEnumerable<string> candidates)
    {
        string lowered = name.ToLowerInvariant();
        int limit = Math.Max(2, name.Length / 3);
        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (string candidate in candidates)
        {
            int distance = Distance(lowered, candidate.ToLowerInvariant());
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return bestDistance <= limit ? best : null;
    }

    /// <summary>Advice for an unknown name: "did you mean 'x'?" or the list of valid names.</summary>
    public static string Advice(string name, IReadOnlyList<string> candidates)
    {
        string? nearest = Nearest(name, candidates);
        return nearest is not null
            ? $"did you mean '{nearest}'?"
            : $"valid names here: {string.Join(", ", candidates)}";
    }
}
