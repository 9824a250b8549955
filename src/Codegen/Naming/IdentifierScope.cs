using System.Globalization;

namespace PartitionCompiler.Codegen.Naming;

/// <summary>
/// The identifiers already used in one C# scope (a class's members, a method's parameters and locals). Claims are
/// resolved in call order: the first claimant of a name gets it, later ones get <c>_2</c>, <c>_3</c>... so the result
/// is stable for a stable claim order.
/// </summary>
internal sealed class IdentifierScope
{
    private readonly HashSet<string> _taken = new(StringComparer.Ordinal);

    /// <summary>Creates a scope in which <paramref name="reserved"/> are already taken (fixed members, enclosing type).</summary>
    /// <param name="reserved">Bare identifiers that untrusted names must not get.</param>
    public IdentifierScope(IEnumerable<string> reserved)
    {
        ArgumentNullException.ThrowIfNull(reserved);
        foreach (string name in reserved)
        {
            _taken.Add(name);
        }
    }

    /// <summary>Sanitises <paramref name="name"/> and makes it unique in this scope.</summary>
    /// <param name="name">The untrusted name.</param>
    /// <param name="casing">How words are joined.</param>
    /// <param name="fallback">The identifier for a name with no usable character.</param>
    /// <returns>The identifier as written in code (with <c>@</c> for a keyword).</returns>
    public string Claim(string name, IdentifierCase casing, string fallback)
    {
        string bare = IdentifierSanitizer.Bare(name, casing, fallback);
        string unique = bare;
        for (int suffix = 2; !_taken.Add(unique); suffix++)
        {
            unique = string.Create(CultureInfo.InvariantCulture, $"{bare}_{suffix}");
        }

        return IdentifierSanitizer.Escape(unique);
    }
}
