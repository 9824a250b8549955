using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using PartitionCompiler.Partitioning.Manifest;

namespace PartitionCompiler.Cli.Options;

/// <summary><c>--input NAME=DIMS</c> (repeatable): pins a graph input's shape, e.g. <c>images=1x3x416x416</c>.</summary>
internal static class InputPinOption
{
    public static Option<InputPin[]> Create() => new("--input")
    {
        Description = "Pin a graph input's shape, e.g. --input images=1x3x416x416 (repeatable).",
        HelpName = "NAME=DIMS",
        Arity = ArgumentArity.ZeroOrMore,
        AllowMultipleArgumentsPerToken = false,
        CustomParser = Parse,
        DefaultValueFactory = _ => [],
    };

    private static InputPin[] Parse(ArgumentResult result)
    {
        var pins = new List<InputPin>();
        foreach (var token in result.Tokens)
        {
            if (TryParse(token.Value, out var pin, out string? error))
            {
                if (pins.Exists(p => p.Name == pin.Name))
                {
                    result.AddError($"--input '{token.Value}': input '{pin.Name}' is pinned twice");
                    return [];
                }

                pins.Add(pin);
            }
            else
            {
                result.AddError($"--input '{token.Value}': {error}");
                return [];
            }
        }

        return [.. pins];
    }

    /// <summary>Parses <c>NAME=D1xD2x...</c> (dims positive integers, separated by <c>x</c> or <c>,</c>).</summary>
    public static bool TryParse(string text, out InputPin pin, out string? error)
    {
        pin = null!;
        int equals = text.LastIndexOf('=');
        if (equals <= 0)
        {
            error = "expected NAME=DIMS, for example images=1x3x224x224";
            return false;
        }

        string name = text[..equals];
        string[] parts = text[(equals + 1)..].Split(['x', 'X', ','], StringSplitOptions.TrimEntries);
        var dims = new long[parts.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            if (!long.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out dims[i]) || dims[i] <= 0)
            {
                error = $"dim '{parts[i]}' is not a positive integer (dims are separated by 'x', for example 1x3x224x224)";
                return false;
            }
        }

        pin = new InputPin(name, dims, null);
        error = null;
        return true;
    }
}
