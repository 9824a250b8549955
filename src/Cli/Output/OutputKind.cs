namespace PartitionCompiler.Cli.Output;

/// <summary>
/// What a file written by <c>partc plan</c> is, as named in the outputs list: the plan, a stage model, a stage
/// model's external data, or generated C# to compile.
/// </summary>
internal enum OutputKind
{
    Plan,
    Model,
    Data,
    Compile,
}

/// <summary>The outputs list's spelling of <see cref="OutputKind"/> (<c>plan</c>, <c>model</c>, <c>data</c>, <c>compile</c>).</summary>
internal static class OutputKinds
{
    public static string Token(this OutputKind kind) => kind switch
    {
        OutputKind.Plan => "plan",
        OutputKind.Model => "model",
        OutputKind.Data => "data",
        OutputKind.Compile => "compile",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static bool TryParse(string token, out OutputKind kind)
    {
        foreach (OutputKind candidate in Enum.GetValues<OutputKind>())
        {
            if (string.Equals(candidate.Token(), token, StringComparison.Ordinal))
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }
}
